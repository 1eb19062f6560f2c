import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { ACTIVE_RELAXATION } from "./list-flags";
import { publishFlagChange } from "./publish";

/** Archives a flag: OFREP then serves its default with reason DISABLED. Admins only. */
export async function archiveFlag({
  ctx,
  key,
}: {
  ctx: Ctx;
  key: string;
}): Promise<{ key: string }> {
  authorize(ctx, "flag.manage");
  const flag = await db().$transaction(async (tx) => {
    const before = await tx.flag.findFirst({ where: { key, archivedAt: null } });
    if (!before) throw notFound(`Flag ${key}`);
    if (await tx.flagChange.count({ where: { flagId: before.id, ...ACTIVE_RELAXATION } })) {
      throw conflict(`${key} has a relaxation in force; revert it before archiving`);
    }
    const after = await tx.flag.update({
      where: { id: before.id },
      data: { archivedAt: new Date() },
    });
    await writeAudit(tx, ctx, {
      action: "flag.archive",
      entityType: "flag",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
  await publishFlagChange({ key, version: flag.version, value: flag.defaultValue, changeId: null });
  return { key };
}
