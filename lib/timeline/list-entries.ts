import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { toEntryDto } from "./append-entry";
import type { TimelineEntryDto } from "./schemas";

const PAGE = 500;

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
    take: PAGE,
  });
  return rows.map(toEntryDto);
}
