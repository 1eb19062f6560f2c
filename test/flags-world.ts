import fs from "node:fs";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/seed/demo-data";
import { signInCookie, startServer, type RunningServer } from "./server-process";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";

// The built server on a private PostgreSQL (so a test can read rows, stop the database, restart).

export type FlagsWorld = {
  pg: PrivatePostgres;
  server: RunningServer;
  admin: string;
  /** Olive Ops, the ops lead of the seeded incident: flips must be linked to it. */
  ops: string;
  opsIncidentId: string;
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
};

export const startOn = (databaseUrl: string, dataDir?: string): Promise<RunningServer> =>
  startServer(dataDir, undefined, { DATABASE_URL: databaseUrl });

export async function startFlagsWorld(): Promise<FlagsWorld> {
  const cluster = await startPrivatePostgres();
  const server = await startOn(cluster.url);
  const query = async <T>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const ops = await signInCookie(server.url, "ops@warroom.test", DEMO_PASSWORD);
  const incidents = (await (
    await fetch(`${server.url}/api/incidents`, { headers: { cookie: ops } })
  ).json()) as { id: string; title: string }[];
  const seeded = incidents.find((i) => i.title === "Payment gateway timeouts");
  if (!seeded) throw new Error("the seeded incident is missing");
  return {
    pg: cluster,
    server,
    admin: await signInCookie(server.url, "admin@warroom.test", DEMO_PASSWORD),
    ops,
    opsIncidentId: seeded.id,
    query,
  };
}

export async function stopFlagsWorld(world: FlagsWorld | undefined): Promise<void> {
  if (!world) return;
  if (world.server.child.exitCode === null) {
    world.server.child.kill("SIGKILL");
    await world.server.exited;
  }
  fs.rmSync(world.server.dataDir, { recursive: true, force: true });
  world.pg.destroy();
}

export async function api<T>(
  world: FlagsWorld,
  cookie: string,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${world.server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { cookie, "content-type": "application/json" },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function newToken(world: FlagsWorld): Promise<string> {
  const { status, body } = await api<{ secret: string }>(world, world.admin, "/api/tokens", {
    method: "POST",
    json: { name: `svc-${Date.now()}`, scopes: ["flags:read"] },
  });
  if (status !== 201) throw new Error(`token creation failed: ${status}`);
  return body.secret;
}

export async function newFlag(world: FlagsWorld, kind = "degradation"): Promise<string> {
  const key = `svc.test_${Math.random().toString(36).slice(2, 8)}`;
  const { status } = await api(world, world.admin, "/api/flags", {
    method: "POST",
    json: { key, kind, valueType: "boolean", defaultValue: false, dependencyCategory: "payment" },
  });
  if (status !== 201) throw new Error(`flag creation failed: ${status}`);
  return key;
}

export const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};
