import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBuilt } from "../../test/server-process";
import {
  api,
  newFlag,
  newToken,
  startFlagsWorld,
  startOn,
  stopFlagsWorld,
  waitFor,
  type FlagsWorld,
} from "../../test/flags-world";

// Restarts across an expiry deadline, and a database that goes away under a running server.

describe.skipIf(!isBuilt)("flag expiry and evaluation across outages (needs a build)", () => {
  let world: FlagsWorld;
  let token: string;

  const evaluate = (key: string) =>
    fetch(`${world.server.url}/ofrep/v1/evaluate/flags/${key}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ context: {} }),
    });

  beforeAll(async () => {
    world = await startFlagsWorld();
    token = await newToken(world);
  }, 120_000);

  afterAll(() => stopFlagsWorld(world));

  it("reverts on start when the server was down at the deadline", async () => {
    const key = await newFlag(world);
    const expiresAt = new Date(Date.now() + 3_000);
    const res = await api(world, world.ops, `/api/flags/${key}/flip`, {
      method: "POST",
      json: {
        value: true,
        expectedVersion: 1,
        reason: "defer",
        incidentId: world.opsIncidentId,
        endsWhen: "at_time",
        expiresAt: expiresAt.toISOString(),
      },
    });
    expect(res.status).toBe(201);
    world.server.child.kill("SIGTERM");
    await world.server.exited;
    await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 2_000));
    const before = await world.query<{ value: unknown }>(
      `SELECT value FROM "Flag" WHERE key = $1`,
      [key],
    );
    expect(before[0]?.value).toBe(true); // nobody reverted it while the server was down

    world.server = await startOn(world.pg.url, world.server.dataDir);
    expect(
      await waitFor(
        async () => ((await (await evaluate(key)).json()) as { value: boolean }).value === false,
        5_000,
      ),
    ).toBe(true);
    const reverts = await world.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "FlagChange" c JOIN "Flag" f ON f.id = c."flagId" WHERE f.key = $1 AND c."actorLabel" = 'flag-expiry'`,
      [key],
    );
    expect(reverts[0]?.n).toBe(1);
  }, 60_000);

  it("keeps answering evaluations with the last values when the database stops; /readyz says not ready", async () => {
    const key = await newFlag(world);
    await api(world, world.ops, `/api/flags/${key}/flip`, {
      method: "POST",
      json: {
        value: true,
        expectedVersion: 1,
        reason: "relax",
        incidentId: world.opsIncidentId,
        endsWhen: "never",
      },
    });
    expect(await (await evaluate(key)).json()).toMatchObject({ value: true });
    world.pg.stop();
    const ready = await fetch(`${world.server.url}/readyz`);
    expect(ready.status).toBe(503);
    for (let i = 0; i < 3; i++) {
      const res = await evaluate(key);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ key, value: true });
      const bulk = await fetch(`${world.server.url}/ofrep/v1/evaluate/flags`, {
        method: "POST",
        headers: { "x-api-key": token },
        body: "{}",
      });
      expect(bulk.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500)); // across a snapshot refresh that fails
    }
    expect(world.server.child.exitCode).toBeNull();
    world.pg.start();
  }, 60_000);
});
