import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { AppError, parseInput } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { templateVariables } from "./render-template";
import { CreateTemplateInput } from "./schemas";
import { toTemplateDto, type TemplateDto } from "./templates";
import { afterTemplateCommit } from "./after-template-commit";

/** A 409 that also names the field, so the form can show it next to the key. */
function keyTaken(key: string, isArchived: boolean): AppError {
  const message = isArchived
    ? `The key ${key} belongs to an archived template; choose another key`
    : `A template with the key ${key} already exists`;
  return new AppError("conflict", message, { fields: [{ path: "key", message }] });
}

/** Adds a customer message template. Keys are never reused, not even an archived one's. */
export async function createTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<TemplateDto> {
  authorize(ctx, "status.manage");
  const data = parseInput(CreateTemplateInput, input);
  const variables = templateVariables({ title: data.title, body: data.body, variables: [] });
  const created = await db()
    .$transaction(async (tx) => {
      const existing = await tx.messageTemplate.findUnique({ where: { key: data.key } });
      if (existing) {
        throw keyTaken(data.key, existing.archivedAt !== null);
      }
      const row = await tx.messageTemplate.create({ data: { ...data, variables } });
      await writeAudit(tx, ctx, {
        action: "status.template.create",
        entityType: "messageTemplate",
        entityId: row.id,
        after: row,
      });
      return row;
    })
    .catch((error: unknown) => {
      // Two admins creating the same key at once: the unique index decides, same answer.
      if ((error as { code?: unknown }).code === "P2002") {
        throw keyTaken(data.key, false);
      }
      throw error;
    });
  afterTemplateCommit();
  return toTemplateDto(created);
}
