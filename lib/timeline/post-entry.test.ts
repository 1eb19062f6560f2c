import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { incidentFootprint } from "../../test/db-snapshot";
import { declareIncident } from "../incidents/declare-incident";
import { listActions, listDecisions } from "../incidents/list-room-records";
import { completeAction } from "./complete-action";
import { postEntry } from "./post-entry";

describe("postEntry", () => {
  it("records updates, decisions, actions and amendments, each in its panel", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Timeline", severity: "SEV1" } });
    const due = new Date(Date.now() + 7 * 60_000).toISOString();
    const update = await postEntry({
      ctx,
      incidentId: incident.id,
      input: { kind: "update", payload: { known: "Gateway 504s", nextUpdateDueAt: due } },
    });
    expect(update.seq).toBe(3);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.nextUpdateDueAt?.toISOString()).toBe(due);

    await postEntry({
      ctx,
      incidentId: incident.id,
      input: {
        kind: "decision",
        payload: { question: "Defer payments?", choice: "Yes", isReversible: true },
      },
    });
    const action = await postEntry({
      ctx,
      incidentId: incident.id,
      input: { kind: "action", payload: { what: "Call Stripe", owner: "Olive" } },
    });
    const amendment = await postEntry({
      ctx,
      incidentId: incident.id,
      input: {
        kind: "note",
        amendsSeq: update.seq,
        payload: { text: "Correction: 502s, not 504s" },
      },
    });
    expect(amendment.amendsSeq).toBe(update.seq);
    await completeAction({
      ctx,
      incidentId: incident.id,
      seq: action.seq,
      input: { isDone: true },
    });

    expect((await listDecisions(ctx, incident.id)).map((d) => d.choice)).toEqual(["Yes"]);
    const actions = await listActions(ctx, incident.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ what: "Call Stripe", seq: action.seq });
    expect(actions[0]?.doneAt).not.toBeNull();
    // The original update is untouched: history is never edited.
    const original = await db().timelineEntry.findFirstOrThrow({
      where: { incidentId: incident.id, seq: update.seq },
    });
    expect(original.payload).toMatchObject({ known: "Gateway 504s" });
  });

  it("refuses malformed entries and amendments of missing seqs, changing nothing", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Refusals" } });
    const before = await incidentFootprint(incident.id);
    const cases: [unknown, RegExp][] = [
      [{ kind: "update", payload: {} }, /payload\.known/],
      [{ kind: "status_change", payload: { to: "closed" } }, /kind must be one of/],
      [{ kind: "note", payload: { text: "x".repeat(5000) } }, /payload\.text/],
      [{ kind: "note", amendsSeq: 99, payload: { text: "ghost" } }, /no entry #99/],
    ];
    for (const [input, message] of cases) {
      await expect(postEntry({ ctx, incidentId: incident.id, input })).rejects.toMatchObject({
        code: "validation",
        message: expect.stringMatching(message),
      });
    }
    expect(await incidentFootprint(incident.id)).toEqual(before);
  });
});
