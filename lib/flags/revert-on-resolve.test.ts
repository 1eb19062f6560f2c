import { describe, expect, it } from "vitest";
import { db } from "../db";
import { holderCtx } from "../../test/factories";
import { flipFlag } from "./flip-flag";
import { countActiveRelaxations } from "./list-flags";
import { revertRelaxationsOnResolve } from "./revert-on-resolve";
import { flagRow, newFlag, newIncident } from "./test-helpers";

describe("revertRelaxationsOnResolve", () => {
  it("reverts on-resolve relaxations and flags set to revert, and reports the rest", async () => {
    const [onResolve, flagged, timed] = [
      await newFlag(),
      await newFlag("degradation"),
      await newFlag("degradation"),
    ];
    await db().flag.update({ where: { id: flagged.id }, data: { revertOnResolve: true } });
    const incident = await newIncident();
    const ctx = await holderCtx(incident.id, "ops");
    const flip = (key: string, extra: object) =>
      flipFlag({
        ctx,
        key,
        input: {
          value: true,
          expectedVersion: 1,
          reason: "mitigate",
          incidentId: incident.id,
          ...extra,
        },
      });
    await flip(onResolve.key, { endsWhen: "on_resolve" });
    await flip(flagged.key, {
      endsWhen: "at_time",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await flip(timed.key, {
      endsWhen: "at_time",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(await countActiveRelaxations(incident.id)).toBe(3);

    const result = await revertRelaxationsOnResolve({ ctx, incidentId: incident.id });
    expect(result).toEqual({ reverted: 2, remaining: 1 });
    expect((await flagRow(onResolve.key)).value).toBe(false);
    expect((await flagRow(flagged.key)).value).toBe(false);
    expect((await flagRow(timed.key)).value).toBe(true);
    expect(await countActiveRelaxations(incident.id)).toBe(1);
    const reverts = await db().timelineEntry.count({
      where: {
        incidentId: incident.id,
        kind: "flag_change",
        payload: { path: ["trigger"], equals: "resolve" },
      },
    });
    expect(reverts).toBe(2);
    expect(await revertRelaxationsOnResolve({ ctx, incidentId: incident.id })).toEqual({
      reverted: 0,
      remaining: 1,
    });
  });
});
