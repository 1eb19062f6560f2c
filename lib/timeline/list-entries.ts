import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { toEntryDto } from "./append-entry";
import { REPLAY_PAGE_SIZE, type TimelineEntryDto } from "./schemas";

/** Entries after a seq, in order: the replay a reconnecting client asks for. */
export async function listEntriesAfter(
  ctx: Ctx,
  incidentId: string,
  afterSeq: number,
): Promise<TimelineEntryDto[]> {
  authorize(ctx, "incident.read");
  const rows = await db().timelineEntry.findMany({
    where: { incidentId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: REPLAY_PAGE_SIZE,
  });
  return rows.map(toEntryDto);
}
