import type { Tx } from "../db";
import { validationError } from "../errors";
import type { ComponentStatusName } from "./schemas";

export type AppliedChange = { from: ComponentStatusName; to: ComponentStatusName; name: string };

/** Sets component statuses inside the caller's transaction, recording history for uptime. */
export async function applyComponentChanges(
  tx: Tx,
  changes: Record<string, ComponentStatusName>,
  at: Date = new Date(),
): Promise<Record<string, AppliedChange>> {
  const ids = Object.keys(changes);
  if (!ids.length) return {};
  const components = await tx.component.findMany({ where: { id: { in: ids } } });
  const missing = ids.filter((id) => !components.some((c) => c.id === id));
  if (missing.length) {
    throw validationError(
      missing.map((id) => ({
        path: `componentChanges.${id}`,
        message: "No component has this id",
      })),
    );
  }
  const applied: Record<string, AppliedChange> = {};
  for (const c of components) {
    const to = changes[c.id]!;
    applied[c.id] = { from: c.status, to, name: c.name };
    if (c.status === to) continue;
    await tx.component.update({ where: { id: c.id }, data: { status: to } });
    await tx.componentStatusChange.create({
      data: { componentId: c.id, fromStatus: c.status, toStatus: to, at },
    });
  }
  return applied;
}
