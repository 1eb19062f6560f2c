import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { DEMO_PASSWORD } from "../seed/demo-data";
import {
  hasPostgres,
  startPrivatePostgres,
  type PrivatePostgres,
} from "../../test/private-postgres";
import { isBuilt, signInCookie, startServer, type RunningServer } from "../../test/server-process";

// Two instances on one PostgreSQL: an event committed through one reaches sockets on the other.

describe.skipIf(!isBuilt || !hasPostgres)("live events across instances", () => {
  let pg: PrivatePostgres;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    a = await startServer(undefined, undefined, { DATABASE_URL: pg.url });
    b = await startServer(undefined, undefined, { DATABASE_URL: pg.url });
  }, 180_000);

  afterAll(() => {
    for (const s of [a, b]) {
      if (s?.child.exitCode === null) s.child.kill("SIGKILL");
      if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
    pg?.destroy();
  });

  it("pushes a declaration made on instance B to a console connected to instance A", async () => {
    const cookie = await signInCookie(a.url, "commander@warroom.test", DEMO_PASSWORD);
    const socket: Socket = connect(a.url, { transports: ["websocket"], extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    await socket.timeout(10_000).emitWithAck("incidents:subscribe", {});
    const seen = new Promise<{ title: string }>((resolve) =>
      socket.on("incident:changed", resolve),
    );

    // The same AUTH_SECRET is not shared here (each instance generated its own), so sign in on B.
    const cookieB = await signInCookie(b.url, "ops@warroom.test", DEMO_PASSWORD);
    const res = await fetch(`${b.url}/api/incidents`, {
      method: "POST",
      headers: { cookie: cookieB, "content-type": "application/json" },
      body: JSON.stringify({ title: "Declared on instance B" }),
    });
    expect(res.status).toBe(201);
    expect((await seen).title).toBe("Declared on instance B");
    socket.close();
  }, 60_000);
});
