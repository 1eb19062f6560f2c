import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { notFound, parseInput, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { getFlag } from "./list-flags";
import { publishFlagChange } from "./publish";
import { matchesType, UpdateFlagInput, type FlagDto, type FlagValueType } from "./schemas";

/** Edits a flag's description and settings. Its value changes only through flips. Admins only. */
export async function updateFlag({
  ctx,
  key,
  input,
}: {
  ctx: Ctx;
  key: string;
  input: unknown;
}): Promise<FlagDto> {
  authorize(ctx, "flag.manage");
  const { defaultValue, ...rest } = parseInput(UpdateFlagInput, input);
  const flag = await db().$transaction(async (tx) => {
    const before = await tx.flag.findFirst({ where: { key, archivedAt: null } });
    if (!before) throw notFound(`Flag ${key}`);
    if (
      defaultValue !== undefined &&
      !matchesType(defaultValue, before.valueType as FlagValueType)
    ) {
      throw validationError([{ path: "defaultValue", message: `must be a ${before.valueType}` }]);
    }
    const after = await tx.flag.update({
      where: { id: before.id },
      data: {
        ...rest,
        ...(defaultValue !== undefined
          ? { defaultValue: defaultValue as Prisma.InputJsonValue }
          : {}),
      },
    });
    await writeAudit(tx, ctx, {
      action: "flag.update",
      entityType: "flag",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
  await publishFlagChange({ key, version: flag.version, value: flag.value, changeId: null });
  return getFlag(ctx, key);
}
