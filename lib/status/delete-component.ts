import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { fieldErrorsFromZod, notFound, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { afterStatusCommit } from "./after-commit";

const DeleteComponentInput = z.object({ id: z.uuid("id must be a component id") });

export async function deleteComponent({ ctx, input }: { ctx: Ctx; input: unknown }) {
  authorize(ctx, "status.manage");
  const parsed = DeleteComponentInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  await db().$transaction(async (tx) => {
    const before = await tx.component.findUnique({ where: { id: parsed.data.id } });
    if (!before) throw notFound("The component");
    await tx.component.delete({ where: { id: before.id } });
    await writeAudit(tx, ctx, {
      action: "status.component.delete",
      entityType: "component",
      entityId: before.id,
      before,
    });
  });
  await afterStatusCommit({});
  return { id: parsed.data.id, deleted: true };
}
