import { describe, expect, it } from "vitest";
import { can } from "./permissions";

describe("can", () => {
  it("lets viewers read but not write", () => {
    expect(can("viewer", "incident.read")).toBe(true);
    expect(can("viewer", "incident.declare")).toBe(false);
  });

  it("grants nothing to unknown or missing roles", () => {
    expect(can("superuser", "incident.read")).toBe(false);
    expect(can("__proto__", "incident.read")).toBe(false);
    expect(can(undefined, "incident.read")).toBe(false);
  });

  it("gives admins everything", () => {
    expect(can("admin", "admin.users")).toBe(true);
  });
});
