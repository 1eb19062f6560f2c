import { db } from "../db";
import { authorizeInIncident, authorizeSomewhere, actorUserId, type Ctx } from "../context";
import { notFound, parseInput, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { appendEntry } from "../timeline/append-entry";
import { applyComponentChanges } from "../status/apply-component-changes";
import { afterStatusCommit } from "../status/after-commit";
import { IMPACTS, INCIDENT_STATUSES, PublishIncidentInput } from "../status/schemas";
import { enqueueNotifications } from "./enqueue-notifications";
import { resolveMessage } from "./resolve-message";
import { publicationPayload, toStatusIncidentDto, type StatusIncidentDto } from "./status-dto";

type Impact = (typeof IMPACTS)[number];
type Status = (typeof INCIDENT_STATUSES)[number];

/** Publishes a public incident (optionally linked to a war-room incident) with its first update. */
export async function publishIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<StatusIncidentDto> {
  authorizeSomewhere(ctx, "status.publish");
  const data = parseInput(PublishIncidentInput, input);
  // The comms lead (or commander) publishes for their incident; unlinked notices are for admins.
  await authorizeInIncident(ctx, "status.publish", data.incidentId);

  const result = await db().$transaction(async (tx) => {
    const incident = data.incidentId
      ? await tx.incident.findUnique({ where: { id: data.incidentId } })
      : null;
    if (data.incidentId && !incident) throw notFound("The incident");
    const message = await resolveMessage(tx, data);
    const name = data.name?.trim() || message.title || incident?.title;
    if (!name || name.length < 3) {
      throw validationError([{ path: "name", message: "Title needs at least 3 characters" }]);
    }
    const status = (data.status ?? message.status ?? "investigating") as Status;
    const impact = (data.impact ?? message.impact ?? "minor") as Impact;
    const now = new Date();
    const applied = await applyComponentChanges(tx, data.componentChanges, now);
    const published = Object.fromEntries(Object.entries(applied).map(([id, c]) => [id, c.to]));
    const created = await tx.statusIncident.create({
      data: {
        kind: "incident",
        incidentId: incident?.id ?? null,
        name,
        status,
        impact,
        components: published,
        nextUpdateBy: data.nextUpdateBy,
        startedAt: incident?.declaredAt ?? now,
        monitoringAt: status === "monitoring" ? now : null,
        resolvedAt: status === "resolved" ? now : null,
      },
    });
    const update = await tx.statusUpdate.create({
      data: {
        statusIncidentId: created.id,
        status,
        body: message.body,
        componentChanges: applied as unknown as Prisma.InputJsonObject,
        nextUpdateBy: data.nextUpdateBy,
        templateKey: message.templateKey,
        createdById: actorUserId(ctx.actor),
        createdAt: now,
      },
    });
    const entries = [];
    if (incident) {
      // Conditional: only the first public update of the incident sets it.
      const first = await tx.incident.updateMany({
        where: { id: incident.id, firstPublicUpdateAt: null },
        data: { firstPublicUpdateAt: now },
      });
      entries.push(
        await appendEntry(tx, ctx, {
          incidentId: incident.id,
          kind: "publication",
          visibility: "public",
          payload: publicationPayload(created, update, applied, {
            isFirst: first.count === 1,
            delayMs: first.count === 1 ? now.getTime() - incident.declaredAt.getTime() : null,
          }),
        }),
      );
    }
    await enqueueNotifications(tx, {
      event: "incident.created",
      statusIncident: created,
      update,
      components: Object.entries(applied).map(([id, c]) => ({ id, name: c.name, status: c.to })),
    });
    await writeAudit(tx, ctx, {
      action: "status.incident.publish",
      entityType: "status_incident",
      entityId: created.id,
      incidentId: incident?.id,
      after: { ...created, update },
    });
    return { created: { ...created, updates: [update] }, entries };
  });

  ctx.log.info({ statusIncidentId: result.created.id }, "public incident published");
  await afterStatusCommit({
    incidentId: result.created.incidentId,
    statusIncidentId: result.created.id,
    entries: result.entries,
  });
  return toStatusIncidentDto(result.created);
}
