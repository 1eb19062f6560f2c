import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seed/demo-data";
import { hasPostgres, startPrivatePostgres } from "../../test/private-postgres";
import {
  freePort,
  isBuilt,
  signInCookie,
  spawnServer,
  waitForServer,
  type RunningServer,
} from "../../test/server-process";

// The built server on its own PostgreSQL: the public surfaces keep answering from the snapshot
// when the database stops.

const PATHS = [
  "/status",
  "/status/feed.rss",
  "/status/feed.atom",
  "/api/v2/summary.json",
  "/api/v2/status.json",
  "/api/v2/components.json",
  "/api/v2/incidents.json",
  "/api/v2/incidents/unresolved.json",
  "/api/v2/scheduled-maintenances.json",
  "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/scheduled-maintenances/active.json",
];

describe.skipIf(!isBuilt || !hasPostgres)("status page survives the database going down", () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let server: RunningServer;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const port = await freePort();
    server = spawnServer({
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      DATABASE_URL: pg.url,
    });
    await waitForServer(server);
  }, 120_000);

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    pg?.destroy();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("serves GET/HEAD with ETag, 304 and stale-if-error while the database is up", async () => {
    for (const p of PATHS) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("cache-control")).toMatch(
        /stale-while-revalidate=\d+.*stale-if-error=\d+/,
      );
      const etag = res.headers.get("etag")!;
      expect(etag).toBeTruthy();
      const again = await fetch(`${server.url}${p}`, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      const head = await fetch(`${server.url}${p}`, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");
    }
  });

  it("a publication reaches /status within a second", async () => {
    // A notice linked to no incident is an admin's to publish.
    const cookie = await signInCookie(server.url, "admin@warroom.test", DEMO_PASSWORD);
    const res = await fetch(`${server.url}/api/status/incidents`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        name: "Search is slow",
        body: "Searches take longer than usual.",
        impact: "minor",
      }),
    });
    expect(res.status).toBe(201);
    const t0 = Date.now();
    let html = "";
    while (Date.now() - t0 < 1000 && !html.includes("Search is slow")) {
      html = await (await fetch(`${server.url}/status`)).text();
    }
    expect(html).toContain("Searches take longer than usual.");
  });

  it("keeps answering 200 from the last snapshot, saying how old it is, after the database stops", async () => {
    pg.stop();
    // The refresh loop notices within 15 s; wait for the stale marker.
    const deadline = Date.now() + 40_000;
    let stale = false;
    while (Date.now() < deadline && !stale) {
      const res = await fetch(`${server.url}/api/v2/status.json`);
      expect(res.status).toBe(200);
      stale = res.headers.get("x-status-stale") === "1";
      if (!stale) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(stale).toBe(true);
    for (const p of PATHS) expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    const html = await (await fetch(`${server.url}/status`)).text();
    expect(html).toMatch(
      /Live updates are temporarily unavailable\. This page shows the status as of/,
    );
    expect(html).toContain("Search is slow");
  }, 60_000);

  it("the saved snapshot on disk is complete for a restart or a static export", () => {
    const saved = JSON.parse(fs.readFileSync(`${server.dataDir}/status-snapshot.json`, "utf8")) as {
      data: { incidents: { name: string }[] };
    };
    expect(saved.data.incidents.some((i) => i.name === "Search is slow")).toBe(true);
  });

  it("restarts while the database is still down: status answers from disk, the console waits, then recovers", async () => {
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    const port = server.port;
    server = spawnServer(
      { PORT: String(port), PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: pg.url },
      server.dataDir,
    );
    await waitForServer(server, "/healthz");
    for (const p of PATHS) expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    expect(await (await fetch(`${server.url}/status`)).text()).toContain("Search is slow");
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/incidents`)).status).toBe(503);

    pg.start();
    await waitForServer(server);
    expect((await fetch(`${server.url}/signin`)).status).toBe(200);
  }, 120_000);
});
