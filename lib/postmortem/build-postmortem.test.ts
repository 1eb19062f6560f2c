import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { declareIncident } from "../incidents/declare-incident";
import { transitionIncident } from "../incidents/transition-incident";
import { postEntry } from "../timeline/post-entry";
import { completeAction } from "../timeline/complete-action";
import { flipFlag } from "../flags/flip-flag";
import { newFlag } from "../flags/test-helpers";
import { publishIncident } from "../comms";
import { buildPostmortem } from "./build-postmortem";
import { toMarkdown } from "./to-markdown";

process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "warroom-pm-"));

const MIN = 60_000;

async function realisticIncident() {
  const ctx = await userCtx("admin");
  const incident = await declareIncident({
    ctx,
    input: { title: `Checkout down ${randomUUID().slice(0, 6)}`, severity: "SEV1" },
  });
  const id = incident.id;
  const post = (input: unknown) => postEntry({ ctx, incidentId: id, input });
  const walk = async (to: string) => transitionIncident({ ctx, incidentId: id, input: { to } });
  await walk("investigating");
  const update = await post({ kind: "update", payload: { known: "Gateway 504s at 60%" } });
  await post({
    kind: "update",
    amendsSeq: update.seq,
    payload: { known: "Gateway 504s at 40% | not 60%\nsecond line <b>x</b>" },
  });
  await post({
    kind: "decision",
    payload: { question: "Fail over?", options: ["Yes", "No"], choice: "Enable deferred payments" },
  });
  const done = await post({ kind: "action", payload: { what: "Page the gateway vendor" } });
  await post({ kind: "action", payload: { what: "Add a 504 alert", owner: "Ops" } });
  await completeAction({ ctx, incidentId: id, seq: done.seq, input: { isDone: true } });
  const flag = await newFlag();
  await flipFlag({
    ctx,
    key: flag.key,
    input: {
      value: true,
      expectedVersion: flag.version,
      reason: "Shed load",
      incidentId: id,
      endsWhen: "on_resolve",
    },
  });
  await publishIncident({ ctx, input: { incidentId: id, body: "We are investigating." } });
  for (const to of ["identified", "mitigated", "resolved"]) await walk(to);
  // Pin the milestones so the durations are exact.
  const t0 = new Date("2025-03-01T10:00:00Z");
  const at = (m: number) => new Date(t0.getTime() + m * MIN);
  await db().incident.update({
    where: { id },
    data: {
      detectedAt: t0,
      declaredAt: at(2),
      acknowledgedAt: at(5),
      firstPublicUpdateAt: at(10),
      mitigatedAt: at(45),
      resolvedAt: at(90),
    },
  });
  return { ctx, id, update };
}

describe("buildPostmortem", () => {
  it("assembles times, durations, roles, decisions, follow-ups, flags, publications and corrections", async () => {
    const { ctx, id, update } = await realisticIncident();
    const viewer = await userCtx("viewer");
    const pm = await buildPostmortem(viewer, id);

    expect(pm.incident).toMatchObject({ severity: "SEV1", status: "resolved", isOpen: false });
    expect(pm.durations).toEqual({
      timeToAcknowledgeMs: 5 * MIN,
      timeToMitigateMs: 45 * MIN,
      timeToResolveMs: 90 * MIN,
      customerFacingMs: 80 * MIN,
    });
    expect(pm.roles).toEqual([
      expect.objectContaining({
        role: "commander",
        userName: (ctx.actor as { name: string }).name,
      }),
    ]);
    expect(pm.decisions.map((d) => d.choice)).toEqual(["Enable deferred payments"]);
    expect(pm.actionItems.map((a) => [a.what, a.isDone])).toEqual([
      ["Page the gateway vendor", true],
      ["Add a 504 alert", false],
    ]);
    expect(pm.followUps.map((a) => a.what)).toEqual(["Add a 504 alert"]);
    const correction = pm.timeline.find((t) => t.corrects);
    expect(correction?.corrects).toEqual({ seq: update.seq, summary: "Gateway 504s at 60%" });
    const kinds = new Set(pm.timeline.map((t) => t.kind));
    for (const k of [
      "status_change",
      "update",
      "decision",
      "action",
      "flag_change",
      "publication",
    ]) {
      expect(kinds, k).toContain(k);
    }
    expect(pm.flagChanges[0]).toMatchObject({ reason: "Shed load", isRevert: false, to: true });
    expect(pm.publicUpdates[0]?.updates[0]?.body).toBe("We are investigating.");
    expect(pm.sections).toEqual({
      impact: "",
      rootCause: "",
      wentWell: "",
      wentWrong: "",
      lessons: "",
    });
  });

  it("renders Markdown with user text escaped for tables and HTML", async () => {
    const { id } = await realisticIncident();
    const md = toMarkdown(await buildPostmortem(await userCtx("viewer"), id));
    expect(md).toContain("| Time (UTC) | # | Kind | Who | What |");
    expect(md).toContain("Gateway 504s at 40% \\| not 60%<br>second line &lt;b&gt;x&lt;/b&gt;");
    expect(md).not.toContain("<b>");
    expect(md).toContain("Time to resolve: 1h 30m");
    expect(md).toContain("- [ ] Add a 504 alert (owner: Ops)");
    expect(md).toContain("- [x] Page the gateway vendor");
    expect(md).toContain("**Enable deferred payments**");
    // Every timeline table row has exactly the table's five cells.
    const rows = md.split("\n").filter((l) => /^\| \d{4}-/.test(l) && l.includes(" | Update | "));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it("is a 404 for unknown or malformed ids, and refuses anonymous callers", async () => {
    const ctx = await userCtx("viewer");
    await expect(buildPostmortem(ctx, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(buildPostmortem(ctx, "nope")).rejects.toMatchObject({ code: "not_found" });
    const { createCtx } = await import("../context");
    await expect(
      buildPostmortem(createCtx({ type: "anonymous" }), randomUUID()),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
