import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { declareIncident } from "../incidents/declare-incident";
import { appendEntry } from "./append-entry";
import { listEntriesAfter } from "./list-entries";

describe("appendEntry", () => {
  it("allocates seqs without failures or gaps under concurrent appends", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Concurrency check" } });
    const start = incident.lastSeq;
    const N = 20;
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        db().$transaction((tx) =>
          appendEntry(tx, ctx, {
            incidentId: incident.id,
            kind: "note",
            payload: { text: `n${i}` },
          }),
        ),
      ),
    );
    const entries = await listEntriesAfter(ctx, incident.id, 0);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: start + N }, (_, i) => i + 1));
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.lastSeq).toBe(start + N);
  });

  it("leaves no gap when the transaction rolls back", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Rollback check" } });
    await expect(
      db().$transaction(async (tx) => {
        await appendEntry(tx, ctx, {
          incidentId: incident.id,
          kind: "note",
          payload: { text: "lost" },
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await db().$transaction((tx) =>
      appendEntry(tx, ctx, { incidentId: incident.id, kind: "note", payload: { text: "kept" } }),
    );
    const entries = await listEntriesAfter(ctx, incident.id, incident.lastSeq);
    expect(entries.map((e) => [e.seq, e.payload.text])).toEqual([[incident.lastSeq + 1, "kept"]]);
  });

  it("replays only entries after the given seq", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Replay check" } });
    expect((await listEntriesAfter(ctx, incident.id, 1)).map((e) => e.seq)).toEqual([2]);
  });
});
