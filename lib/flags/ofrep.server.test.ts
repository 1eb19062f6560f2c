import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenFeature, type Client } from "@openfeature/server-sdk";
import { OFREPProvider } from "@openfeature/ofrep-provider";
import { io as connect } from "socket.io-client";
import { isBuilt } from "../../test/server-process";
import {
  api,
  newFlag,
  newToken,
  startFlagsWorld,
  stopFlagsWorld,
  waitFor,
  type FlagsWorld,
} from "../../test/flags-world";

// The real OpenFeature server SDK + OFREP provider against the built server.

describe.skipIf(!isBuilt)("OFREP with the OpenFeature SDK (needs a build)", () => {
  let world: FlagsWorld;
  let token: string;
  let client: Client;

  const flip = (key: string, version: number, value: boolean, extra: object = {}) =>
    api<{ version: number }>(world, world.ops, `/api/flags/${key}/flip`, {
      method: "POST",
      json: {
        value,
        expectedVersion: version,
        reason: "test flip",
        endsWhen: "never",
        incidentId: world.opsIncidentId,
        ...extra,
      },
    });
  const ofrep = (path: string, headers: Record<string, string> = {}, body = "{}") =>
    fetch(`${world.server.url}/ofrep/v1/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
    });

  beforeAll(async () => {
    world = await startFlagsWorld();
    token = await newToken(world);
    const provider = new OFREPProvider({
      baseUrl: world.server.url,
      headers: [["Authorization", `Bearer ${token}`]],
    });
    await OpenFeature.setProviderAndWait("warroom-test", provider);
    client = OpenFeature.getClient("warroom-test");
  }, 120_000);

  afterAll(async () => {
    await OpenFeature.close();
    await stopFlagsWorld(world);
  });

  it("evaluates a boolean flag, sees a flip on the next evaluation, and reports errors the SDK way", async () => {
    expect(await client.getBooleanValue("payments.defer_mode", true)).toBe(false);
    const key = await newFlag(world);
    expect(await client.getBooleanDetails(key, true)).toMatchObject({
      value: false,
      reason: "STATIC",
      variant: "default",
    });
    expect((await flip(key, 1, true)).status).toBe(201);
    expect(await client.getBooleanDetails(key, false)).toMatchObject({
      value: true,
      variant: "relaxed",
    });

    const missing = await client.getBooleanDetails("no.such_flag", true);
    expect(missing).toMatchObject({ value: true, errorCode: "FLAG_NOT_FOUND" });
    const wrongType = await client.getStringDetails(key, "fallback");
    expect(wrongType).toMatchObject({ value: "fallback", errorCode: "TYPE_MISMATCH" });
  });

  it("answers bulk with an ETag, 304 on a match, and 200 with a new ETag after a flip", async () => {
    const key = await newFlag(world);
    const first = await ofrep("evaluate/flags");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    const etag = first.headers.get("etag")!;
    const body = (await first.json()) as { flags: { key: string; value: unknown }[] };
    expect(body.flags.find((f) => f.key === key)).toMatchObject({ value: false, reason: "STATIC" });
    expect(body.flags.every((f) => "value" in f)).toBe(true);

    const same = await ofrep("evaluate/flags", { "if-none-match": etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    await flip(key, 1, true);
    const changed = await ofrep("evaluate/flags", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("uses the spec's statuses for credentials and bad requests, never 429", async () => {
    const noAuth = await fetch(`${world.server.url}/ofrep/v1/evaluate/flags/payments.defer_mode`, {
      method: "POST",
      body: "{}",
    });
    expect(noAuth.status).toBe(401);
    expect(
      (await ofrep("evaluate/flags/payments.defer_mode", { authorization: "Bearer wr_wrong" }))
        .status,
    ).toBe(401);
    const viaKey = await ofrep("evaluate/flags/payments.defer_mode", {
      authorization: "",
      "x-api-key": token,
    });
    expect(viaKey.status).toBe(200);
    const parse = await ofrep("evaluate/flags/payments.defer_mode", {}, "{nope");
    expect(parse.status).toBe(400);
    expect(await parse.json()).toMatchObject({
      key: "payments.defer_mode",
      errorCode: "PARSE_ERROR",
    });
    const ctx = await ofrep(
      "evaluate/flags/payments.defer_mode",
      {},
      JSON.stringify({ context: { targetingKey: 7 } }),
    );
    expect(await ctx.json()).toMatchObject({ errorCode: "INVALID_CONTEXT" });
    expect((await ofrep("evaluate/flags/missing.flag")).status).toBe(404);
    const burst = await Promise.all(
      Array.from({ length: 200 }, () => ofrep("evaluate/flags/payments.defer_mode")),
    );
    expect(burst.every((r) => r.status === 200)).toBe(true);
  });

  it("pushes flips to consoles over socket.io and to services over SSE", async () => {
    const key = await newFlag(world);
    const socket = connect(world.server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie: world.ops },
      forceNew: true,
    });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    await socket.timeout(5_000).emitWithAck("flags:subscribe", {});
    const pushed = new Promise<{ key: string }>((resolve) =>
      socket.on("flag:changed", (p: { key: string }) => p.key === key && resolve(p)),
    );

    const controller = new AbortController();
    const sse = await fetch(`${world.server.url}/ofrep/v1/events`, { signal: controller.signal });
    expect(sse.headers.get("content-type")).toBe("text/event-stream");
    const reader = sse.body!.getReader();
    const events: string[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        events.push(new TextDecoder().decode(value));
      }
    })().catch(() => undefined);
    await waitFor(async () => events.join("").includes("refetchEvaluation"), 5_000);
    const before = events.join("").split("refetchEvaluation").length;

    await flip(key, 1, true);
    expect((await pushed).key).toBe(key);
    expect(
      await waitFor(async () => events.join("").split("refetchEvaluation").length > before, 5_000),
    ).toBe(true);
    controller.abort();
    await reading;
    socket.close();
  });

  it("reverts a 3-second relaxation automatically, with FlagChange, audit and timeline", async () => {
    const key = await newFlag(world, "kill_switch");
    const incidents = await api<{ id: string; title: string }[]>(
      world,
      world.ops,
      "/api/incidents",
    );
    const incident = incidents.body.find((i) => i.title === "Payment gateway timeouts")!;
    const expiresAt = new Date(Date.now() + 3_000);
    const res = await flip(key, 1, true, {
      endsWhen: "at_time",
      expiresAt: expiresAt.toISOString(),
      incidentId: incident.id,
    });
    expect(res.status).toBe(201);
    expect(await client.getBooleanValue(key, false)).toBe(true);

    expect(
      await waitFor(async () => (await client.getBooleanValue(key, true)) === false, 10_000),
    ).toBe(true);
    const revertedAfterMs = Date.now() - expiresAt.getTime();
    expect(revertedAfterMs).toBeLessThan(5_000);

    const changes = await world.query<{
      actorLabel: string;
      revertsId: string | null;
      toValue: unknown;
    }>(
      `SELECT c."actorLabel", c."revertsId", c."toValue" FROM "FlagChange" c JOIN "Flag" f ON f.id = c."flagId" WHERE f.key = $1 ORDER BY c."createdAt"`,
      [key],
    );
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ actorLabel: "flag-expiry", toValue: false });
    const audit = await world.query<{ action: string; actorType: string }>(
      `SELECT a.action, a."actorType" FROM "AuditLog" a JOIN "Flag" f ON f.id::text = a."entityId"::text WHERE f.key = $1 ORDER BY a."at"`,
      [key],
    );
    expect(audit.map((a) => a.action)).toEqual(["flag.create", "flag.flip", "flag.revert"]);
    expect(audit[2]?.actorType).toBe("system");
    const timeline = await api<
      { kind: string; payload: { flagKey?: string; isRevert?: boolean }; actorLabel: string }[]
    >(world, world.ops, `/api/incidents/${incident.id}/timeline`);
    const entries = timeline.body.filter(
      (e) => e.kind === "flag_change" && e.payload.flagKey === key,
    );
    expect(entries.map((e) => [e.payload.isRevert, e.actorLabel])).toEqual([
      [false, "Olive Ops"],
      [true, "flag-expiry"],
    ]);
  });
});
