import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { writeAudit } from "../audit/write-audit";
import { enqueueNotifications } from "../comms/enqueue-notifications";
import { applyComponentChanges } from "./apply-component-changes";
import { refreshStatusSnapshot } from "./snapshot";
import type { ComponentStatusName } from "./schemas";

const MESSAGES = {
  in_progress:
    "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
  completed: "The scheduled maintenance has been completed.",
} as const;

/**
 * Moves maintenance windows at their edges: scheduled -> in_progress at scheduledFor (components
 * under maintenance), in_progress|verifying -> completed at scheduledUntil (back to operational).
 * Each move is conditional on the status read, so two leaders never move one window twice.
 */
export async function advanceMaintenances(ctx: Ctx, now: Date = new Date()): Promise<number> {
  authorize(ctx, "status.manage");
  const due = await db().statusIncident.findMany({
    where: {
      kind: "maintenance",
      OR: [
        { status: "scheduled", scheduledFor: { lte: now } },
        { status: { in: ["in_progress", "verifying"] }, scheduledUntil: { lte: now } },
      ],
    },
  });
  let moved = 0;
  for (const m of due) {
    const to = m.scheduledUntil && m.scheduledUntil <= now ? "completed" : "in_progress";
    const ids = Object.keys(m.components as Record<string, string>);
    const changed = await db().$transaction(async (tx) => {
      const claimed = await tx.statusIncident.updateMany({
        where: { id: m.id, status: m.status },
        data: { status: to, resolvedAt: to === "completed" ? now : undefined },
      });
      if (claimed.count === 0) return false;
      const current = await tx.component.findMany({ where: { id: { in: ids } } });
      const target: Record<string, ComponentStatusName> = {};
      for (const c of current) {
        if (to === "in_progress" && c.status === "operational") target[c.id] = "under_maintenance";
        if (to === "completed" && c.status === "under_maintenance") target[c.id] = "operational";
      }
      await applyComponentChanges(tx, target, now);
      const update = await tx.statusUpdate.create({
        data: { statusIncidentId: m.id, status: to, body: MESSAGES[to], createdAt: now },
      });
      await enqueueNotifications(tx, {
        event: "maintenance.updated",
        statusIncident: { ...m, status: to },
        update,
        components: current.map((c) => ({
          id: c.id,
          name: c.name,
          status: target[c.id] ?? c.status,
        })),
      });
      await writeAudit(tx, ctx, {
        action: `status.maintenance.${to}`,
        entityType: "status_incident",
        entityId: m.id,
        before: { status: m.status },
        after: { status: to },
      });
      return true;
    });
    if (changed) moved += 1;
  }
  if (moved) {
    ctx.log.info({ moved }, "maintenance windows advanced");
    await refreshStatusSnapshot();
  }
  return moved;
}
