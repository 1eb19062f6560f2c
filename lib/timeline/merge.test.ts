import { describe, expect, it } from "vitest";
import { mergeEntries } from "./merge";
import type { TimelineEntryDto } from "./schemas";

const entry = (seq: number): TimelineEntryDto => ({
  id: `e${seq}`,
  incidentId: "i",
  seq,
  kind: "note",
  payload: { text: String(seq) },
  visibility: "internal",
  actorId: null,
  actorLabel: "t",
  amendsSeq: null,
  createdAt: new Date(0).toISOString(),
});

const seqs = (entries: TimelineEntryDto[]) => entries.map((e) => e.seq);

describe("mergeEntries", () => {
  it("appends in order and drops duplicates", () => {
    const a = mergeEntries([entry(1), entry(2)], [entry(2), entry(3), entry(3)]);
    expect(seqs(a.entries)).toEqual([1, 2, 3]);
    expect(a.hasGap).toBe(false);
  });

  it("sorts a replay that arrives out of order", () => {
    expect(seqs(mergeEntries([], [entry(3), entry(1), entry(2)]).entries)).toEqual([1, 2, 3]);
  });

  it("holds back entries past a gap and reports it", () => {
    const r = mergeEntries([entry(1)], [entry(3)]);
    expect(seqs(r.entries)).toEqual([1]);
    expect(r.hasGap).toBe(true);
  });

  it("returns the same array when nothing is new", () => {
    const current = [entry(1)];
    expect(mergeEntries(current, [entry(1)]).entries).toBe(current);
  });
});
