import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { createUser, userCtx } from "../../test/factories";
import { declareIncident } from "./declare-incident";
import { listIncidents } from "./list-incidents";

describe("declareIncident", () => {
  it("declares with the declarer as commander, a timeline and an audit row", async () => {
    const ctx = await userCtx("responder");
    const incident = await declareIncident({
      ctx,
      input: { title: "Stripe timeouts", severity: "SEV1" },
    });

    expect(incident.status).toBe("triage");
    expect(incident.roles).toMatchObject([
      { role: "commander", userId: ctx.actor.type === "user" ? ctx.actor.id : "" },
    ]);
    const entries = await db().timelineEntry.findMany({
      where: { incidentId: incident.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [1, "status_change"],
      [2, "role_change"],
    ]);
    const audit = await db().auditLog.findMany({ where: { entityId: incident.id } });
    expect(audit.map((a) => a.action)).toEqual(["incident.declare"]);
    expect(audit[0]?.requestId).toBe(ctx.requestId);
    expect((await listIncidents(ctx)).some((i) => i.id === incident.id)).toBe(true);
  });

  it("hands command to the chosen user and keeps summary and components", async () => {
    const ctx = await userCtx();
    const other = await createUser();
    const incident = await declareIncident({
      ctx,
      input: {
        title: "Okta 500s",
        summary: "SSO fails",
        components: ["Sign-in"],
        commanderId: other.id,
      },
    });
    expect(incident).toMatchObject({ summary: "SSO fails", components: ["Sign-in"] });
    expect(incident.roles).toMatchObject([{ role: "commander", userId: other.id }]);
  });

  it("sets the SEV1 cadence to 10 minutes", async () => {
    const ctx = await userCtx();
    const incident = await declareIncident({
      ctx,
      input: { title: "Login outage", severity: "SEV1" },
    });
    const row = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.updateCadenceMinutes).toBe(10);
  });

  it("rejects a viewer and stores nothing", async () => {
    const ctx = await userCtx("viewer");
    const title = `viewer attempt ${Date.now()}`;
    await expect(declareIncident({ ctx, input: { title } })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db().incident.count({ where: { title } })).toBe(0);
  });

  it("names the invalid field", async () => {
    const ctx = await userCtx();
    const error = await declareIncident({ ctx, input: { title: "", severity: "SEV9" } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).extra.fields?.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["title", "severity"]));
  });
});
