import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { AppError } from "../errors";
import { holderCtx, userCtx } from "../../test/factories";
import { flipFlag } from "./flip-flag";
import { changesOf, flagRow, newFlag, newIncident } from "./test-helpers";

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe("flipFlag", () => {
  it("records the change, an audit row and a timeline entry in the linked incident", async () => {
    const flag = await newFlag();
    const incident = await newIncident();
    const ctx = await holderCtx(incident.id, "ops");
    const flipped = await flipFlag({
      ctx,
      key: flag.key,
      input: {
        value: true,
        expectedVersion: 1,
        reason: "Gateway down",
        incidentId: incident.id,
        endsWhen: "at_time",
        expiresAt: inMinutes(10),
      },
    });
    expect(flipped).toMatchObject({ value: true, version: 2, isRelaxed: true });
    expect(flipped.activeRelaxation).toMatchObject({ endsWhen: "at_time", reason: "Gateway down" });

    const [change] = await changesOf(flag.id);
    expect(change).toMatchObject({ fromValue: false, toValue: true, fromVersion: 1, toVersion: 2 });
    const entries = await db().timelineEntry.findMany({
      where: { incidentId: incident.id, kind: "flag_change" },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.payload).toMatchObject({ flagKey: flag.key, from: false, to: true });
    const audit = await db().auditLog.findMany({
      where: { entityId: flag.id, action: "flag.flip" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.requestId).toBe(ctx.requestId);
  });

  it("gives the loser of a race 409 with the current state", async () => {
    const flag = await newFlag("degradation");
    const ctx = await userCtx("admin");
    const input = { value: true, expectedVersion: 1, reason: "race", endsWhen: "never" };
    const results = await Promise.allSettled([
      flipFlag({ ctx, key: flag.key, input }),
      flipFlag({ ctx, key: flag.key, input }),
    ]);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    const error = (rejected[0] as PromiseRejectedResult).reason as AppError;
    expect(error.code).toBe("conflict");
    expect(error.extra.current).toMatchObject({ key: flag.key, version: 2, value: true });
    expect(await changesOf(flag.id)).toHaveLength(1);
  });

  it("lets the ops lead flip for their own incident only; a plain responder may not", async () => {
    const flag = await newFlag("degradation");
    const mine = await newIncident();
    const other = await newIncident();
    const ops = await holderCtx(mine.id, "ops");
    const input = (incidentId: string) => ({
      value: true,
      expectedVersion: 1,
      reason: "mitigate",
      incidentId,
      endsWhen: "on_resolve",
    });
    await expect(
      flipFlag({ ctx: ops, key: flag.key, input: input(other.id) }),
    ).rejects.toMatchObject({ code: "forbidden", message: /ops lead/ });
    const responder = await userCtx("responder");
    await expect(
      flipFlag({ ctx: responder, key: flag.key, input: input(mine.id) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      flipFlag({ ctx: ops, key: flag.key, input: { ...input(mine.id), incidentId: null } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await changesOf(flag.id)).toHaveLength(0);
    await flipFlag({ ctx: ops, key: flag.key, input: input(mine.id) });
    expect((await flagRow(flag.key)).value).toBe(true);
  });

  it("rejects a viewer and changes nothing", async () => {
    const flag = await newFlag();
    const ctx = await userCtx("viewer");
    await expect(
      flipFlag({ ctx, key: flag.key, input: { value: true, expectedVersion: 1, reason: "x y z" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await flagRow(flag.key)).value).toBe(false);
  });

  it("requires an end, a matching type, and an explicit confirmation to leave a kill switch on", async () => {
    const flag = await newFlag("kill_switch");
    const ctx = await userCtx("admin");
    const base = { expectedVersion: 1, reason: "Gateway down" };
    const fields = async (input: object) => {
      const e = (await flipFlag({ ctx, key: flag.key, input }).catch(
        (x: unknown) => x,
      )) as AppError;
      return e.extra.fields?.map((f) => f.path);
    };
    expect(await fields({ ...base, value: true })).toEqual(["endsWhen"]);
    expect(await fields({ ...base, value: "yes", endsWhen: "never" })).toEqual(["value"]);
    expect(await fields({ ...base, value: true, endsWhen: "never" })).toEqual(["confirmNever"]);
    expect(await fields({ ...base, value: true, endsWhen: "on_resolve" })).toEqual(["incidentId"]);
    expect(
      await fields({ ...base, value: true, endsWhen: "at_time", expiresAt: inMinutes(-1) }),
    ).toEqual(["expiresAt"]);
    expect(await fields({ value: true, reason: "" })).toEqual(
      expect.arrayContaining(["expectedVersion", "reason"]),
    );
    const ok = await flipFlag({
      ctx,
      key: flag.key,
      input: { ...base, value: true, endsWhen: "never", confirmNever: true },
    });
    expect(ok.activeRelaxation?.endsWhen).toBe("never");
    // Back to the default: no end needed, and the relaxation is over.
    const back = await flipFlag({
      ctx,
      key: flag.key,
      input: { value: false, expectedVersion: 2, reason: "Recovered" },
    });
    expect(back).toMatchObject({ isRelaxed: false, activeRelaxation: null, version: 3 });
  });
});
