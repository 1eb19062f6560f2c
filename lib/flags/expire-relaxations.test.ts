import { describe, expect, it } from "vitest";
import { db } from "../db";
import { holderCtx, userCtx } from "../../test/factories";
import { expireRelaxations } from "./expire-relaxations";
import { flipFlag } from "./flip-flag";
import { changesOf, flagRow, newFlag, newIncident } from "./test-helpers";

describe("expireRelaxations", () => {
  it("reverts an expired relaxation once, as the system, with audit and timeline", async () => {
    const flag = await newFlag();
    const incident = await newIncident();
    const ctx = await holderCtx(incident.id, "ops");
    const expiresAt = new Date(Date.now() + 60_000);
    await flipFlag({
      ctx,
      key: flag.key,
      input: {
        value: true,
        expectedVersion: 1,
        reason: "defer",
        incidentId: incident.id,
        endsWhen: "at_time",
        expiresAt: expiresAt.toISOString(),
      },
    });
    expect(await expireRelaxations(new Date())).toBe(0);
    const later = new Date(expiresAt.getTime() + 1_000);
    // Two runs at once (two instances, or a restart mid-run): one revert.
    const counts = await Promise.all([expireRelaxations(later), expireRelaxations(later)]);
    expect(counts[0]! + counts[1]!).toBeLessThanOrEqual(1);
    expect(await expireRelaxations(later)).toBe(0);

    const row = await flagRow(flag.key);
    expect(row).toMatchObject({ value: false, version: 3 });
    const changes = await changesOf(flag.id);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({
      actorType: "system",
      actorLabel: "flag-expiry",
      revertsId: changes[0]!.id,
      toValue: false,
    });
    expect(changes[0]).toMatchObject({ revertedBy: changes[1]!.id });
    expect(changes[0]!.revertedAt).not.toBeNull();
    const entries = await db().timelineEntry.findMany({
      where: { incidentId: incident.id, kind: "flag_change" },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => (e.payload as { isRevert: boolean }).isRevert)).toEqual([
      false,
      true,
    ]);
    expect(entries[1]?.actorLabel).toBe("flag-expiry");
    expect(
      await db().auditLog.count({
        where: { entityId: flag.id, action: "flag.revert", actorType: "system" },
      }),
    ).toBe(1);
  });

  it("extending a relaxation keeps the original baseline as the revert target", async () => {
    const flag = await newFlag("degradation");
    // A flip linked to no incident is an admin's.
    const ctx = await userCtx("admin");
    const soon = new Date(Date.now() + 60_000).toISOString();
    const later = new Date(Date.now() + 120_000);
    await flipFlag({
      ctx,
      key: flag.key,
      input: {
        value: true,
        expectedVersion: 1,
        reason: "first",
        endsWhen: "at_time",
        expiresAt: soon,
      },
    });
    await flipFlag({
      ctx,
      key: flag.key,
      input: {
        value: true,
        expectedVersion: 2,
        reason: "extend",
        endsWhen: "at_time",
        expiresAt: later.toISOString(),
      },
    });
    expect(await expireRelaxations(new Date(Date.now() + 90_000))).toBe(0);
    expect(await expireRelaxations(new Date(later.getTime() + 1_000))).toBe(1);
    expect(await flagRow(flag.key)).toMatchObject({ value: false, version: 4 });
  });
});
