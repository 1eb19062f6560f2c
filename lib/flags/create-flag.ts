import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, parseInput, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { getFlag } from "./list-flags";
import { publishFlagChange } from "./publish";
import { CreateFlagInput, matchesType, type FlagDto } from "./schemas";

/** Creates a flag at its default (safe) value. Admins only. */
export async function createFlag({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<FlagDto> {
  authorize(ctx, "flag.manage");
  const data = parseInput(CreateFlagInput, input);
  if (!matchesType(data.defaultValue, data.valueType)) {
    throw validationError([{ path: "defaultValue", message: `must be a ${data.valueType}` }]);
  }
  const value = data.defaultValue as Prisma.InputJsonValue;
  const flag = await db().$transaction(async (tx) => {
    if (await tx.flag.findUnique({ where: { key: data.key } })) {
      throw conflict(`A flag with the key ${data.key} already exists`);
    }
    const created = await tx.flag.create({ data: { ...data, defaultValue: value, value } });
    await writeAudit(tx, ctx, {
      action: "flag.create",
      entityType: "flag",
      entityId: created.id,
      after: created,
    });
    return created;
  });
  await publishFlagChange({
    key: flag.key,
    version: flag.version,
    value: flag.value,
    changeId: null,
  });
  return getFlag(ctx, flag.key);
}
