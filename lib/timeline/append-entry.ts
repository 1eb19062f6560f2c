import type { Tx } from "../db";
import type { Prisma, TimelineEntry } from "../generated/prisma/client";
import { actorLabel, actorUserId, type Ctx } from "../context";
import type { TimelineEntryDto } from "./schemas";

export type AppendInput = {
  incidentId: string;
  kind: TimelineEntry["kind"];
  payload: Record<string, unknown>;
  visibility?: TimelineEntry["visibility"];
  amendsSeq?: number;
  idempotencyKey?: string;
  /** Only for importing history (demo data); live writes always use the server's clock. */
  at?: Date;
};

/**
 * Appends one entry inside the caller's transaction. The seq comes from an atomic increment of
 * the incident row, which also locks it until commit: concurrent appends queue, never collide,
 * and a rolled-back append leaves no gap.
 */
export async function appendEntry(tx: Tx, ctx: Ctx, input: AppendInput): Promise<TimelineEntry> {
  const now = input.at ?? new Date();
  const { lastSeq } = await tx.incident.update({
    where: { id: input.incidentId },
    data: { lastSeq: { increment: 1 }, lastEntryAt: now },
    select: { lastSeq: true },
  });
  const entry = await tx.timelineEntry.create({
    data: {
      incidentId: input.incidentId,
      seq: lastSeq,
      kind: input.kind,
      payload: input.payload as Prisma.InputJsonObject,
      visibility: input.visibility ?? "internal",
      actorId: actorUserId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      amendsSeq: input.amendsSeq ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
    },
  });
  ctx.log.info(
    { incidentId: input.incidentId, seq: lastSeq, kind: input.kind },
    "timeline entry appended",
  );
  return entry;
}

export function toEntryDto(entry: TimelineEntry): TimelineEntryDto {
  return {
    id: entry.id,
    incidentId: entry.incidentId,
    seq: entry.seq,
    kind: entry.kind,
    payload: entry.payload as Record<string, unknown>,
    visibility: entry.visibility,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    amendsSeq: entry.amendsSeq,
    createdAt: entry.createdAt.toISOString(),
  };
}
