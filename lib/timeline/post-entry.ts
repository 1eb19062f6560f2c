import { db } from "../db";
import { authorizeInIncident, authorizeSomewhere, type Ctx } from "../context";
import { parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { loadIncident, loadIncidentDto } from "../incidents/load-incident";
import { publishIncidentChange } from "../incidents/publish-change";
import { appendEntry, toEntryDto } from "./append-entry";
import { PostEntryInput, type TimelineEntryDto } from "./schemas";

type Args = { ctx: Ctx; incidentId: string; input: unknown; idempotencyKey?: string };

/**
 * Appends an update, decision, action or note. Decisions and actions also get their own rows for
 * the room's panels; an update moves the next-update deadline. A correction amends an earlier seq.
 */
export async function postEntry({
  ctx,
  incidentId,
  input,
  idempotencyKey,
}: Args): Promise<TimelineEntryDto> {
  authorizeSomewhere(ctx, "timeline.note");
  const data = parseInput(PostEntryInput, input);
  // Notes are comments any responder may add; updates, decisions and actions are the record.
  await authorizeInIncident(
    ctx,
    data.kind === "note" ? "timeline.note" : "timeline.write",
    incidentId,
  );

  if (idempotencyKey) {
    // A retry whose first attempt committed (even if its response was lost) returns that entry.
    const existing = await db().timelineEntry.findUnique({ where: { idempotencyKey } });
    if (existing?.incidentId === incidentId) return toEntryDto(existing);
  }

  const { entry, incident } = await db().$transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    if (data.amendsSeq !== undefined && data.amendsSeq > incident.lastSeq) {
      throw validationError([
        { path: "amendsSeq", message: `This incident has no entry #${data.amendsSeq}` },
      ]);
    }
    const entry = await appendEntry(tx, ctx, {
      incidentId,
      kind: data.kind,
      payload: data.payload,
      amendsSeq: data.amendsSeq,
      idempotencyKey,
    });
    if (data.kind === "decision" && data.amendsSeq === undefined) {
      await tx.decision.create({ data: { incidentId, seq: entry.seq, ...data.payload } });
    }
    if (data.kind === "action") {
      const fields = {
        what: data.payload.what,
        owner: data.payload.owner,
        dueAt: data.payload.dueAt ? new Date(data.payload.dueAt) : null,
        doneAt: data.payload.isDone ? entry.createdAt : null,
      };
      const amended = data.amendsSeq
        ? await tx.actionItem.updateMany({
            where: { incidentId, seq: data.amendsSeq },
            data: fields,
          })
        : { count: 0 };
      if (amended.count === 0)
        await tx.actionItem.create({ data: { incidentId, seq: entry.seq, ...fields } });
    }
    if (data.kind === "update" && incident.status !== "resolved" && incident.status !== "closed") {
      const explicit = data.payload.nextUpdateDueAt;
      const cadence = incident.updateCadenceMinutes;
      const next = explicit
        ? new Date(explicit)
        : cadence
          ? new Date(entry.createdAt.getTime() + cadence * 60_000)
          : null;
      await tx.incident.update({ where: { id: incidentId }, data: { nextUpdateDueAt: next } });
    }
    await writeAudit(tx, ctx, {
      action: `timeline.${data.kind}`,
      entityType: "timeline_entry",
      entityId: entry.id,
      incidentId,
      after: { seq: entry.seq, ...data },
    });
    return { entry, incident: await loadIncidentDto(tx, incidentId) };
  });

  publishIncidentChange(incident, [entry]);
  return toEntryDto(entry);
}
