import { describe, expect, it } from "vitest";
import {
  can,
  canInIncident,
  couldEverHold,
  incidentCapabilities,
  INCIDENT_ROLES,
  reasonFor,
  scopeGrants,
} from "./permissions";

describe("can", () => {
  it("lets viewers read but not write", () => {
    expect(can("viewer", "incident.read")).toBe(true);
    expect(can("viewer", "incident.declare")).toBe(false);
    expect(can("viewer", "timeline.note")).toBe(false);
  });

  it("grants nothing to unknown or missing roles", () => {
    expect(can("superuser", "incident.read")).toBe(false);
    expect(can("__proto__", "incident.read")).toBe(false);
    expect(can(undefined, "incident.read")).toBe(false);
    expect(canInIncident("responder", ["__proto__", "owner"], "incident.command")).toBe(false);
    expect(scopeGrants(["constructor", "flags:write"], "flag.read")).toBe(false);
  });

  it("gives admins everything", () => {
    expect(can("admin", "admin.users")).toBe(true);
    expect(can("admin", "incident.command")).toBe(true);
  });

  it("gives responders declare and notes, and nothing of the incident roles by default", () => {
    expect(can("responder", "incident.declare")).toBe(true);
    expect(can("responder", "timeline.note")).toBe(true);
    for (const p of [
      "incident.command",
      "timeline.write",
      "flag.flip",
      "status.publish",
    ] as const) {
      expect(can("responder", p), p).toBe(false);
    }
  });
});

describe("incident roles", () => {
  const caps = (roles: string[], org = "responder") => incidentCapabilities(org, roles);

  it("the commander can do everything in the room", () => {
    expect(caps(["commander"])).toEqual({
      canCommand: true,
      canWriteTimeline: true,
      canNote: true,
      canFlip: true,
      canPublish: true,
    });
  });

  it("each lead gets their own power and notes", () => {
    expect(caps(["ops"])).toMatchObject({ canFlip: true, canPublish: false, canCommand: false });
    expect(caps(["comms"])).toMatchObject({ canPublish: true, canFlip: false, canCommand: false });
    expect(caps(["scribe"])).toMatchObject({ canWriteTimeline: true, canFlip: false });
    expect(caps([])).toMatchObject({ canNote: true, canWriteTimeline: false });
  });

  it("a viewer gains nothing from a role they were somehow given", () => {
    for (const role of INCIDENT_ROLES) {
      expect(Object.values(caps([role], "viewer")).some(Boolean), role).toBe(false);
    }
    expect(couldEverHold("viewer", "flag.flip")).toBe(false);
    expect(couldEverHold("responder", "flag.flip")).toBe(true);
    expect(couldEverHold("responder", "admin.users")).toBe(false);
  });

  it("token scopes map to permissions; admin covers all", () => {
    expect(scopeGrants(["flags:read"], "flag.read")).toBe(true);
    expect(scopeGrants(["flags:read"], "flag.flip")).toBe(false);
    expect(scopeGrants(["incidents:write"], "incident.command")).toBe(true);
    expect(scopeGrants(["status:write"], "status.publish")).toBe(true);
    expect(scopeGrants(["admin"], "admin.users")).toBe(true);
  });

  it("explains who may do something", () => {
    expect(reasonFor("flag.flip")).toBe(
      "Only the incident commander, the ops lead or admins can flip flags for this incident.",
    );
    expect(reasonFor("status.publish")).toContain("the comms lead");
  });
});
