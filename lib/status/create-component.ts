import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, fieldErrorsFromZod, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { afterStatusCommit } from "./after-commit";
import { toComponentDto, type ComponentDto } from "./list-components";
import { CreateComponentInput } from "./schemas";

export async function createComponent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<ComponentDto> {
  authorize(ctx, "status.manage");
  const parsed = CreateComponentInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const created = await db().$transaction(async (tx) => {
    if (await tx.component.findUnique({ where: { name: parsed.data.name } })) {
      throw conflict(`A component named ${parsed.data.name} already exists`);
    }
    const row = await tx.component.create({ data: parsed.data });
    await writeAudit(tx, ctx, {
      action: "status.component.create",
      entityType: "component",
      entityId: row.id,
      after: row,
    });
    return row;
  });
  await afterStatusCommit({});
  return toComponentDto(created);
}
