import { db } from "../db";
import { authorize, actorUserId, systemCtx, type Ctx } from "../context";
import { parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { enqueueNotifications } from "../comms/enqueue-notifications";
import { toStatusIncidentDto, type StatusIncidentDto } from "../comms/status-dto";
import { afterStatusCommit } from "./after-commit";
import { ScheduleMaintenanceInput } from "./schemas";
import { advanceMaintenances } from "./advance-maintenances";

/** Schedules a maintenance window; the maintenance job moves it along at the window's edges. */
export async function scheduleMaintenance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<StatusIncidentDto> {
  authorize(ctx, "status.publish");
  const data = parseInput(ScheduleMaintenanceInput, input);

  const row = await db().$transaction(async (tx) => {
    const components = await tx.component.findMany({ where: { id: { in: data.componentIds } } });
    const missing = data.componentIds.filter((id) => !components.some((c) => c.id === id));
    if (missing.length) {
      throw validationError(
        missing.map((id) => ({ path: `componentIds`, message: `No component has id ${id}` })),
      );
    }
    const now = new Date();
    const created = await tx.statusIncident.create({
      data: {
        kind: "maintenance",
        name: data.name,
        status: "scheduled",
        impact: "none",
        components: Object.fromEntries(components.map((c) => [c.id, "under_maintenance"])),
        scheduledFor: new Date(data.scheduledFor),
        scheduledUntil: new Date(data.scheduledUntil),
        startedAt: new Date(data.scheduledFor),
      },
    });
    const update = await tx.statusUpdate.create({
      data: {
        statusIncidentId: created.id,
        status: "scheduled",
        body: data.body,
        createdById: actorUserId(ctx.actor),
        createdAt: now,
      },
    });
    await enqueueNotifications(tx, {
      event: "maintenance.scheduled",
      statusIncident: created,
      update,
      components: components.map((c) => ({ id: c.id, name: c.name, status: c.status })),
    });
    await writeAudit(tx, ctx, {
      action: "status.maintenance.schedule",
      entityType: "status_incident",
      entityId: created.id,
      after: created,
    });
    return { ...created, updates: [update] };
  });

  ctx.log.info({ maintenanceId: row.id }, "maintenance scheduled");
  // A window that has already begun starts now rather than at the next job tick.
  await advanceMaintenances(systemCtx("maintenance"));
  await afterStatusCommit({ statusIncidentId: row.id });
  return toStatusIncidentDto(row);
}
