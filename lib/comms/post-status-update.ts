import { db } from "../db";
import { authorizeInIncident, authorizeSomewhere, actorUserId, type Ctx } from "../context";
import { conflict, notFound, parseInput, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { appendEntry } from "../timeline/append-entry";
import { applyComponentChanges } from "../status/apply-component-changes";
import { afterStatusCommit } from "../status/after-commit";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, PostUpdateInput } from "../status/schemas";
import { enqueueNotifications } from "./enqueue-notifications";
import { resolveMessage } from "./resolve-message";
import { publicationPayload, toStatusIncidentDto, type StatusIncidentDto } from "./status-dto";

const CLOSED = new Set(["resolved", "postmortem", "completed"]);

/** Posts an update to a public incident or maintenance: body, status, components, next update. */
export async function postStatusUpdate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<StatusIncidentDto> {
  authorizeSomewhere(ctx, "status.publish");
  const data = parseInput(PostUpdateInput, input);
  const target = await db().statusIncident.findUnique({
    where: { id: data.statusIncidentId },
    select: { incidentId: true },
  });
  if (!target) throw notFound("The public incident");
  await authorizeInIncident(ctx, "status.publish", target.incidentId);

  const result = await db().$transaction(async (tx) => {
    const current = await tx.statusIncident.findUnique({ where: { id: data.statusIncidentId } });
    if (!current) throw notFound("The public incident");
    const message = await resolveMessage(tx, data);
    const status = data.status ?? message.status ?? current.status;
    const allowed: readonly string[] =
      current.kind === "maintenance" ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
    if (!allowed.includes(status)) {
      throw validationError([
        { path: "status", message: `must be one of ${allowed.join(", ")} for a ${current.kind}` },
      ]);
    }
    if (CLOSED.has(current.status) && status !== "postmortem") {
      throw conflict(`This ${current.kind} is already ${current.status}`, {
        status: current.status,
      });
    }
    const now = new Date();
    const applied = await applyComponentChanges(tx, data.componentChanges, now);
    const components = {
      ...(current.components as Record<string, string>),
      ...Object.fromEntries(Object.entries(applied).map(([id, c]) => [id, c.to])),
    };
    const isClosing = status === "resolved" || status === "completed";
    // Conditional on the status we read: a concurrent update makes this one a 409.
    const changed = await tx.statusIncident.updateMany({
      where: { id: current.id, status: current.status },
      data: {
        status,
        components,
        impact: data.impact ?? current.impact,
        nextUpdateBy: isClosing ? null : data.nextUpdateBy,
        monitoringAt: status === "monitoring" ? (current.monitoringAt ?? now) : undefined,
        resolvedAt: isClosing ? now : undefined,
      },
    });
    if (changed.count === 0) throw conflict("Someone else updated this incident first");
    const updated = await tx.statusIncident.findUniqueOrThrow({ where: { id: current.id } });
    const update = await tx.statusUpdate.create({
      data: {
        statusIncidentId: current.id,
        status,
        body: message.body,
        componentChanges: applied as unknown as Prisma.InputJsonObject,
        nextUpdateBy: isClosing ? null : data.nextUpdateBy,
        templateKey: message.templateKey,
        createdById: actorUserId(ctx.actor),
        createdAt: now,
      },
    });
    const entries = current.incidentId
      ? [
          await appendEntry(tx, ctx, {
            incidentId: current.incidentId,
            kind: "publication",
            visibility: "public",
            payload: publicationPayload(updated, update, applied, {
              isFirst: false,
              delayMs: null,
            }),
          }),
        ]
      : [];
    const affectedIds = new Set([...Object.keys(components)]);
    const names = await tx.component.findMany({
      where: { id: { in: [...affectedIds] } },
      select: { id: true, name: true, status: true },
    });
    await enqueueNotifications(tx, {
      event: current.kind === "maintenance" ? "maintenance.updated" : "incident.updated",
      statusIncident: updated,
      update,
      components: names,
    });
    await writeAudit(tx, ctx, {
      action: "status.incident.update",
      entityType: "status_incident",
      entityId: current.id,
      incidentId: current.incidentId ?? undefined,
      before: current,
      after: { ...updated, update },
    });
    const all = await tx.statusUpdate.findMany({
      where: { statusIncidentId: current.id },
      orderBy: { createdAt: "desc" },
    });
    return { row: { ...updated, updates: all }, entries };
  });

  ctx.log.info({ statusIncidentId: result.row.id, status: result.row.status }, "public update");
  await afterStatusCommit({
    incidentId: result.row.incidentId,
    statusIncidentId: result.row.id,
    entries: result.entries,
  });
  return toStatusIncidentDto(result.row);
}
