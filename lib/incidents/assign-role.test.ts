import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUser, userCtx } from "../../test/factories";
import { incidentFootprint } from "../../test/db-snapshot";
import { assignRole, relieveRole } from "./assign-role";
import { declareIncident } from "./declare-incident";
import { updateIncident } from "./update-incident";

describe("roles", () => {
  it("hands a role off with history and timeline entries, one holder at a time", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Roles" } });
    const alice = await createUser();
    const bob = await createUser();
    await assignRole({ ctx, incidentId: incident.id, input: { role: "scribe", userId: alice.id } });
    const after = await assignRole({
      ctx,
      incidentId: incident.id,
      input: { role: "scribe", userId: bob.id },
    });
    expect(after.roles.filter((r) => r.role === "scribe").map((r) => r.userId)).toEqual([bob.id]);
    const history = await db().roleAssignment.findMany({
      where: { incidentId: incident.id, role: "scribe" },
      orderBy: { assignedAt: "asc" },
    });
    expect(history.map((h) => [h.userId, h.relievedAt !== null])).toEqual([
      [alice.id, true],
      [bob.id, false],
    ]);
    const entries = await db().timelineEntry.findMany({
      where: { incidentId: incident.id, kind: "role_change" },
      orderBy: { seq: "asc" },
    });
    expect(entries.slice(1).map((e) => (e.payload as { change: string }).change)).toEqual([
      "assigned",
      "relieved",
      "assigned",
    ]);

    const relieved = await relieveRole({ ctx, incidentId: incident.id, input: { role: "scribe" } });
    expect(relieved.roles.some((r) => r.role === "scribe")).toBe(false);
  });

  it("refuses unknown roles and viewers, changing nothing", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Bad roles" } });
    const viewer = await createUser("viewer");
    const before = await incidentFootprint(incident.id);
    await expect(
      assignRole({ ctx, incidentId: incident.id, input: { role: "captain", userId: viewer.id } }),
    ).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/role must be one of/),
    });
    await expect(
      assignRole({ ctx, incidentId: incident.id, input: { role: "ops", userId: viewer.id } }),
    ).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/viewer/) });
    expect(await incidentFootprint(incident.id)).toEqual(before);
  });
});

describe("updateIncident", () => {
  it("records severity and dependency changes on the timeline", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Escalate", severity: "SEV3" } });
    const updated = await updateIncident({
      ctx,
      incidentId: incident.id,
      input: {
        severity: "SEV1",
        dependencyCategory: "cloud",
        dependencyName: "us-east-1",
        updateCadenceMinutes: 5,
      },
    });
    expect(updated).toMatchObject({
      severity: "SEV1",
      dependencyCategory: "cloud",
      dependencyName: "us-east-1",
    });
    const kinds = (
      await db().timelineEntry.findMany({
        where: { incidentId: incident.id },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual([
      "status_change",
      "role_change",
      "severity_change",
      "dependency_change",
      "note",
    ]);
  });

  it("rejects an empty or unknown change", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({ ctx, input: { title: "Nothing" } });
    await expect(updateIncident({ ctx, incidentId: incident.id, input: {} })).rejects.toMatchObject(
      { code: "validation" },
    );
    await expect(
      updateIncident({ ctx, incidentId: incident.id, input: { lastSeq: 99 } }),
    ).rejects.toMatchObject({
      code: "validation",
    });
  });
});
