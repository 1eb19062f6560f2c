import type { TimelineEntryDto } from "./schemas";

// Exactly once, in order: the client applies entries strictly by seq. Duplicates are dropped;
// an entry past a gap is held back and the caller asks the server to replay the gap.

export type MergeResult = { entries: TimelineEntryDto[]; hasGap: boolean };

export function mergeEntries(
  current: TimelineEntryDto[],
  incoming: TimelineEntryDto[],
): MergeResult {
  const bySeq = new Map(current.map((e) => [e.seq, e]));
  let lastSeq = current.length ? current[current.length - 1]!.seq : 0;
  let hasGap = false;
  for (const entry of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (entry.seq <= lastSeq || bySeq.has(entry.seq)) continue;
    if (entry.seq !== lastSeq + 1) {
      hasGap = true;
      break;
    }
    bySeq.set(entry.seq, entry);
    lastSeq = entry.seq;
  }
  if (bySeq.size === current.length) return { entries: current, hasGap };
  return { entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq), hasGap };
}
