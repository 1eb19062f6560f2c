import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, notFound, parseInput } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { afterStatusCommit } from "./after-commit";
import { applyComponentChanges } from "./apply-component-changes";
import { toComponentDto, type ComponentDto } from "./list-components";
import { UpdateComponentInput } from "./schemas";

/** Edits a component. Changing only its status needs status.publish; anything else, manage. */
export async function updateComponent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<ComponentDto> {
  authorize(ctx, "status.publish");
  const { id, status, ...fields } = parseInput(UpdateComponentInput, input);
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length) authorize(ctx, "status.manage");

  const updated = await db().$transaction(async (tx) => {
    const before = await tx.component.findUnique({ where: { id } });
    if (!before) throw notFound("The component");
    if (defined.name && defined.name !== before.name) {
      const clash = await tx.component.findUnique({ where: { name: String(defined.name) } });
      if (clash) throw conflict(`A component named ${String(defined.name)} already exists`);
    }
    if (Object.keys(defined).length) await tx.component.update({ where: { id }, data: defined });
    if (status) await applyComponentChanges(tx, { [id]: status });
    const after = await tx.component.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, ctx, {
      action: "status.component.update",
      entityType: "component",
      entityId: id,
      before,
      after,
    });
    return after;
  });
  await afterStatusCommit({});
  return toComponentDto(updated);
}
