import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { declareIncident } from "../incidents/declare-incident";
import { postEntry } from "../timeline/post-entry";
import { toProblem } from "../http/problem";
import { runIdempotent } from "./run-idempotent";

type Ctx = Awaited<ReturnType<typeof userCtx>>;

/** What the route handler does for POST /api/incidents/{id}/timeline with an Idempotency-Key. */
function post(ctx: Ctx, incidentId: string, key: string, text: string) {
  const body = { kind: "note", payload: { text } };
  return runIdempotent(
    { key, scope: `u POST /api/incidents/${incidentId}/timeline`, request: body },
    async () => ({
      status: 201,
      body: await postEntry({ ctx, incidentId, input: body, idempotencyKey: key }),
    }),
    (error) => ({ status: error.status, body: toProblem(error, "test") }),
  );
}

describe("runIdempotent", () => {
  it("200 concurrent posts plus 50 retries make exactly 200 entries, seq 1..200 after the declaration", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Idempotency storm" } });
    const keys = Array.from({ length: 200 }, () => randomUUID());
    const first = keys.map((key, i) => post(ctx, incident.id, key, `entry ${i}`));
    // Retries race the originals: each either replays, or answers 409 while the first is in flight.
    const retries = keys
      .slice(0, 50)
      .map((key, i) => post(ctx, incident.id, key, `entry ${i}`).catch((e: unknown) => e));
    const results = await Promise.all(first);
    const retried = await Promise.all(retries);
    expect(results.every((r) => r.status === 201)).toBe(true);
    for (const r of retried) {
      if (r instanceof Error) expect(r).toMatchObject({ code: "conflict" });
      else expect((r as { status: number }).status).toBe(201);
    }
    // Retries after the originals finished replay the stored response.
    const replays = await Promise.all(
      keys.slice(0, 50).map((key, i) => post(ctx, incident.id, key, `entry ${i}`)),
    );
    expect(replays.every((r) => r.isReplay)).toBe(true);
    expect(replays.map((r) => (r.body as { seq: number }).seq)).toEqual(
      results.slice(0, 50).map((r) => (r.body as { seq: number }).seq),
    );

    const notes = await db().timelineEntry.findMany({
      where: { incidentId: incident.id, kind: "note" },
      orderBy: { seq: "asc" },
    });
    expect(notes).toHaveLength(200);
    const all = await db().timelineEntry.findMany({
      where: { incidentId: incident.id },
      select: { seq: true },
    });
    expect(all.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 202 }, (_, i) => i + 1),
    );
  }, 120_000);

  it("answers 422 when a key is reused with a different body", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Key reuse" } });
    const key = randomUUID();
    await post(ctx, incident.id, key, "first");
    await expect(post(ctx, incident.id, key, "second")).rejects.toMatchObject({
      code: "unprocessable",
    });
    expect(
      await db().timelineEntry.count({ where: { incidentId: incident.id, kind: "note" } }),
    ).toBe(1);
  });

  it("replays a stored refusal and releases the key after a transient failure", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Refusal replay" } });
    const key = randomUUID();
    const refused = await post(ctx, incident.id, key, "");
    expect(refused.status).toBe(400);
    expect((await post(ctx, incident.id, key, "")).isReplay).toBe(true);

    const flaky = randomUUID();
    const fail = () =>
      runIdempotent(
        { key: flaky, scope: "s", request: {} },
        () => Promise.reject(new Error("db down")),
        () => ({
          status: 500,
          body: {},
        }),
      );
    await expect(fail()).rejects.toThrow("db down");
    const ok = await runIdempotent(
      { key: flaky, scope: "s", request: {} },
      async () => ({ status: 201, body: { ok: 1 } }),
      () => ({
        status: 500,
        body: {},
      }),
    );
    expect(ok).toMatchObject({ status: 201, isReplay: false });
  });
});
