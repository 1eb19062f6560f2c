import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { appendEntry, toEntryDto } from "../timeline/append-entry";
import { broadcast } from "../realtime/broadcast";
import { DEFAULT_CADENCE_MINUTES, DeclareIncidentInput } from "./schemas";
import { ACTIVE_ROLES_INCLUDE, toIncidentDto } from "./to-dto";
import type { IncidentSummaryDto } from "./schemas";

/** Declares an incident in triage; the declarer (or the chosen user) becomes commander. */
export async function declareIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<IncidentSummaryDto> {
  authorize(ctx, "incident.declare");
  const data = parseInput(DeclareIncidentInput, input);
  const commanderId = data.commanderId ?? (ctx.actor.type === "user" ? ctx.actor.id : undefined);

  const { incident, entries } = await db().$transaction(async (tx) => {
    const commander = commanderId
      ? await tx.user.findFirst({ where: { id: commanderId, disabledAt: null } })
      : null;
    if (commanderId && !commander) {
      throw validationError([{ path: "commanderId", message: "No active user has this id" }]);
    }
    const now = new Date();
    const cadence = DEFAULT_CADENCE_MINUTES[data.severity];
    const created = await tx.incident.create({
      data: {
        title: data.title,
        summary: data.summary,
        severity: data.severity,
        dependencyCategory: data.dependencyCategory,
        dependencyName: data.dependencyName,
        components: data.components,
        declaredAt: now,
        detectedAt: now,
        updateCadenceMinutes: cadence,
        nextUpdateDueAt: new Date(now.getTime() + cadence * 60_000),
        declaredById: ctx.actor.type === "user" ? ctx.actor.id : null,
      },
    });
    const appended = [
      await appendEntry(tx, ctx, {
        incidentId: created.id,
        kind: "status_change",
        payload: { from: null, to: "triage" },
      }),
    ];
    if (commander) {
      await tx.roleAssignment.create({
        data: {
          incidentId: created.id,
          role: "commander",
          userId: commander.id,
          assignedById: ctx.actor.type === "user" ? ctx.actor.id : null,
          assignedAt: now,
        },
      });
      appended.push(
        await appendEntry(tx, ctx, {
          incidentId: created.id,
          kind: "role_change",
          payload: {
            role: "commander",
            change: "assigned",
            userId: commander.id,
            userName: commander.name,
          },
        }),
      );
    }
    await writeAudit(tx, ctx, {
      action: "incident.declare",
      entityType: "incident",
      entityId: created.id,
      incidentId: created.id,
      after: created,
    });
    const full = await tx.incident.findUniqueOrThrow({
      where: { id: created.id },
      include: ACTIVE_ROLES_INCLUDE,
    });
    return { incident: full, entries: appended };
  });

  const dto = toIncidentDto(incident);
  ctx.log.info({ incidentId: dto.id, severity: dto.severity }, "incident declared");
  broadcast("incidents", "incident:changed", dto);
  for (const entry of entries) broadcast(`incident:${dto.id}`, "timeline:entry", toEntryDto(entry));
  return dto;
}
