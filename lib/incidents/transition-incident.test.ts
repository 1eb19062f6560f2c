import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { incidentFootprint } from "../../test/db-snapshot";
import { declareIncident } from "./declare-incident";
import { transitionIncident } from "./transition-incident";
import { flipFlag } from "../flags/flip-flag";
import { flagRow, newFlag } from "../flags/test-helpers";

async function walk(ctx: Awaited<ReturnType<typeof userCtx>>, id: string, statuses: string[]) {
  for (const to of statuses) await transitionIncident({ ctx, incidentId: id, input: { to } });
}

describe("transitionIncident", () => {
  it("walks the lifecycle, stamping each milestone and appending entries and audit rows", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Lifecycle" } });
    await walk(ctx, incident.id, [
      "investigating",
      "identified",
      "mitigated",
      "resolved",
      "closed",
    ]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.status).toBe("closed");
    for (const field of ["acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt"] as const) {
      expect(row[field], field).toBeInstanceOf(Date);
    }
    const changes = await db().timelineEntry.findMany({
      where: { incidentId: incident.id, kind: "status_change" },
      orderBy: { seq: "asc" },
    });
    expect(changes.map((e) => (e.payload as { to: string }).to)).toEqual([
      "triage",
      "investigating",
      "identified",
      "mitigated",
      "resolved",
      "closed",
    ]);
    expect(
      await db().auditLog.count({
        where: { incidentId: incident.id, action: "incident.transition" },
      }),
    ).toBe(5);
  });

  it("records a reopen and clears the resolution time", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Reopen" } });
    await walk(ctx, incident.id, ["investigating", "mitigated", "resolved", "investigating"]);
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.resolvedAt).toBeNull();
    const last = await db().timelineEntry.findFirstOrThrow({
      where: { incidentId: incident.id },
      orderBy: { seq: "desc" },
    });
    expect(last.payload).toMatchObject({ from: "resolved", to: "investigating", reopened: true });
  });

  it("refuses an invalid transition with 422 and changes nothing", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Invalid move" } });
    const before = await incidentFootprint(incident.id);
    await expect(
      transitionIncident({ ctx, incidentId: incident.id, input: { to: "closed" } }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/from triage to closed; allowed: investigating, cancelled/),
    });
    await expect(
      transitionIncident({ ctx, incidentId: incident.id, input: { to: "done" } }),
    ).rejects.toMatchObject({
      code: "validation",
    });
    expect(await incidentFootprint(incident.id)).toEqual(before);
  });

  it("lets one of two concurrent resolutions win; the other gets 409 with the current state", async () => {
    const ctx = await userCtx();
    // Two people with authority here: the commander (the declarer) and an admin.
    const other = await userCtx("admin");
    const incident = await declareIncident({ ctx, input: { title: "Race" } });
    await walk(ctx, incident.id, ["investigating", "mitigated"]);
    const results = await Promise.allSettled([
      transitionIncident({
        ctx,
        incidentId: incident.id,
        input: { to: "resolved", expectedStatus: "mitigated" },
      }),
      transitionIncident({
        ctx: other,
        incidentId: incident.id,
        input: { to: "resolved", expectedStatus: "mitigated" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({
      code: "conflict",
      extra: { current: { status: "resolved" } },
    });
    expect(
      await db().timelineEntry.count({ where: { incidentId: incident.id, kind: "status_change" } }),
    ).toBe(4);
  });

  it("answers 404 for an unknown incident and 403 for a viewer", async () => {
    const ctx = await userCtx();
    await expect(
      transitionIncident({
        ctx,
        incidentId: "00000000-0000-0000-0000-000000000000",
        input: { to: "investigating" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const incident = await declareIncident({ ctx, input: { title: "Viewer" } });
    const viewer = await userCtx("viewer");
    await expect(
      transitionIncident({ ctx: viewer, incidentId: incident.id, input: { to: "investigating" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // A responder without the commander role may not move it either.
    const responder = await userCtx("responder");
    await expect(
      transitionIncident({
        ctx: responder,
        incidentId: incident.id,
        input: { to: "investigating" },
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: /incident commander/ });
  });
});

describe("resolving an incident with relaxations", () => {
  it("reverts the relaxations that end on resolve and leaves timed ones", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Relaxations" } });
    const onResolve = await newFlag("degradation");
    const timed = await newFlag("degradation");
    const flip = (key: string, extra: Record<string, unknown>) =>
      flipFlag({
        ctx,
        key,
        input: {
          value: true,
          expectedVersion: 1,
          reason: "outage",
          incidentId: incident.id,
          ...extra,
        },
      });
    await flip(onResolve.key, { endsWhen: "on_resolve" });
    await flip(timed.key, {
      endsWhen: "at_time",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await walk(ctx, incident.id, ["investigating", "mitigated", "resolved"]);
    expect((await flagRow(onResolve.key)).value).toBe(false);
    expect((await flagRow(timed.key)).value).toBe(true);
  });
});
