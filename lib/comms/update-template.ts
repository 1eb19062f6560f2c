import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, fieldErrorsFromZod, notFound, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { templateVariables } from "./render-template";
import { TemplateKey, UpdateTemplateInput } from "./schemas";
import { toTemplateDto, type TemplateDto } from "./templates";
import { afterTemplateCommit } from "./after-template-commit";

/** Edits a live template; variables are derived again from the resulting title and body. */
export async function updateTemplate({
  ctx,
  key,
  input,
}: {
  ctx: Ctx;
  key: string;
  input: unknown;
}): Promise<TemplateDto> {
  authorize(ctx, "status.manage");
  const parsedKey = TemplateKey.safeParse(key);
  if (!parsedKey.success) throw notFound("The template");
  const parsed = UpdateTemplateInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const fields = Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as typeof parsed.data;

  const updated = await db().$transaction(async (tx) => {
    const before = await tx.messageTemplate.findFirst({
      where: { key: parsedKey.data, archivedAt: null },
    });
    if (!before) throw notFound("The template");
    const title = fields.title ?? before.title;
    const body = fields.body ?? before.body;
    const variables = templateVariables({ title, body, variables: [] });
    // Conditional on the version read: a concurrent edit or archive makes this a conflict.
    const { count } = await tx.messageTemplate.updateMany({
      where: { id: before.id, updatedAt: before.updatedAt, archivedAt: null },
      data: { ...fields, variables },
    });
    if (count === 0) throw conflict("The template changed meanwhile; reload and try again");
    const after = await tx.messageTemplate.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit(tx, ctx, {
      action: "status.template.update",
      entityType: "messageTemplate",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
  afterTemplateCommit();
  return toTemplateDto(updated);
}
