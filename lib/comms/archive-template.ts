import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { TemplateKey } from "./schemas";
import { afterTemplateCommit } from "./after-template-commit";

/**
 * Hides a template from the picker. The row stays, so past publications keep their templateKey
 * and the key cannot be taken by a different message.
 */
export async function archiveTemplate({
  ctx,
  key,
}: {
  ctx: Ctx;
  key: string;
}): Promise<{ key: string; archivedAt: string }> {
  authorize(ctx, "status.manage");
  const parsedKey = TemplateKey.safeParse(key);
  if (!parsedKey.success) throw notFound("The template");
  const archivedAt = new Date();
  await db().$transaction(async (tx) => {
    const before = await tx.messageTemplate.findFirst({
      where: { key: parsedKey.data, archivedAt: null },
    });
    if (!before) throw notFound("The template");
    const { count } = await tx.messageTemplate.updateMany({
      where: { id: before.id, archivedAt: null },
      data: { archivedAt },
    });
    if (count === 0) throw notFound("The template");
    await writeAudit(tx, ctx, {
      action: "status.template.archive",
      entityType: "messageTemplate",
      entityId: before.id,
      before,
      after: { ...before, archivedAt },
    });
  });
  afterTemplateCommit();
  return { key: parsedKey.data, archivedAt: archivedAt.toISOString() };
}
