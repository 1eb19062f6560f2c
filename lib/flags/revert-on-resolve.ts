import { db } from "../db";
import type { Ctx } from "../context";
import { ACTIVE_RELAXATION } from "./list-flags";
import { revertFlagChange } from "./revert-flag-change";

/**
 * Called after an incident resolves: reverts its linked relaxations that end on resolve (or whose
 * flag says to), and reports how many others remain in force for the room to show.
 */
export async function revertRelaxationsOnResolve({
  ctx,
  incidentId,
}: {
  ctx: Ctx;
  incidentId: string;
}): Promise<{ reverted: number; remaining: number }> {
  const active = await db().flagChange.findMany({
    where: { incidentId, ...ACTIVE_RELAXATION },
    include: { flag: { select: { revertOnResolve: true } } },
  });
  let reverted = 0;
  for (const change of active) {
    if (change.endsWhen !== "on_resolve" && !change.flag.revertOnResolve) continue;
    if (await revertFlagChange({ ctx, changeId: change.id, trigger: "resolve" })) reverted++;
  }
  const remaining = await db().flagChange.count({ where: { incidentId, ...ACTIVE_RELAXATION } });
  return { reverted, remaining };
}
