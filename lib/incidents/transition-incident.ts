import { db } from "../db";
import { authorizeInIncident, type Ctx } from "../context";
import { AppError, conflict, parseInput } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { revertRelaxationsOnResolve } from "../flags/revert-on-resolve";
import { appendEntry } from "../timeline/append-entry";
import { loadIncident, loadIncidentDto } from "./load-incident";
import { publishIncidentChange } from "./publish-change";
import { TransitionInput, type IncidentSummaryDto } from "./schemas";
import {
  canTransition,
  isReopen,
  MILESTONE,
  TRANSITIONS,
  type IncidentStatus,
} from "./transitions";

/**
 * Moves an incident along its lifecycle. The update is conditional on the status the caller saw,
 * so of two people resolving at once one succeeds and the other gets 409 with the current state.
 */
export async function transitionIncident({
  ctx,
  incidentId,
  input,
}: {
  ctx: Ctx;
  incidentId: string;
  input: unknown;
}): Promise<IncidentSummaryDto> {
  await authorizeInIncident(ctx, "incident.command", incidentId);
  const { to, expectedStatus, note } = parseInput(TransitionInput, input);

  const { dto, entries } = await db().$transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const from = (expectedStatus ?? incident.status) as IncidentStatus;
    if (expectedStatus && expectedStatus !== incident.status) {
      throw conflict(
        `The incident is already ${incident.status} (you saw ${expectedStatus})`,
        await loadIncidentDto(tx, incidentId),
      );
    }
    if (!canTransition(from, to)) {
      const allowed = TRANSITIONS[from];
      throw new AppError(
        "unprocessable",
        `Cannot move an incident from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(", ") : "none (final state)"}`,
      );
    }
    const now = new Date();
    const milestone = MILESTONE[to];
    const reopened = isReopen(from, to);
    const { count } = await tx.incident.updateMany({
      where: { id: incidentId, status: from },
      data: {
        status: to,
        ...(milestone && (to !== "investigating" || !incident.acknowledgedAt)
          ? { [milestone]: now }
          : {}),
        ...(reopened ? { resolvedAt: null } : {}),
        ...(to === "resolved" || to === "closed" || to === "cancelled"
          ? { nextUpdateDueAt: null }
          : {}),
        ...(reopened && incident.updateCadenceMinutes
          ? { nextUpdateDueAt: new Date(now.getTime() + incident.updateCadenceMinutes * 60_000) }
          : {}),
      },
    });
    if (count === 0)
      throw conflict(
        "Someone else changed the status first",
        await loadIncidentDto(tx, incidentId),
      );
    const entry = await appendEntry(tx, ctx, {
      incidentId,
      kind: "status_change",
      payload: { from, to, ...(reopened ? { reopened: true } : {}), ...(note ? { note } : {}) },
    });
    await writeAudit(tx, ctx, {
      action: reopened ? "incident.reopen" : "incident.transition",
      entityType: "incident",
      entityId: incidentId,
      incidentId,
      before: { status: from },
      after: { status: to },
    });
    return { dto: await loadIncidentDto(tx, incidentId), entries: [entry] };
  });

  ctx.log.info({ incidentId, status: dto.status }, "incident status changed");
  publishIncidentChange(dto, entries);
  if (dto.status === "resolved") {
    // Relaxations that end with the incident are reverted now; the others stay, and the room says so.
    const { reverted, remaining } = await revertRelaxationsOnResolve({ ctx, incidentId });
    ctx.log.info({ incidentId, reverted, remaining }, "relaxations on resolve");
  }
  return dto;
}
