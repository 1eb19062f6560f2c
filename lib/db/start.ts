import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Env } from "../env";
import { configureDatabase, type DatabaseMode } from "../db";
import { startEmbeddedDatabase } from "./embedded";

export type StartedDatabase = { url: string; mode: DatabaseMode; stop: () => Promise<void> };

export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseStartError";
  }
}

function describeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return "the configured host";
  }
}

/** Checks a PostgreSQL server answers, with a bounded wait, and names the host if it does not. */
export async function checkReachable(url: string, timeoutMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseStartError(
      `Cannot reach PostgreSQL at ${describeHost(url)} (DATABASE_URL): ${reason}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the embedded database or checks the configured server, and points lib/db at it. */
export async function startDatabase(e: Env): Promise<StartedDatabase> {
  if (e.DATABASE_URL) {
    await checkReachable(e.DATABASE_URL);
    configureDatabase(e.DATABASE_URL, "postgresql");
    return { url: e.DATABASE_URL, mode: "postgresql", stop: async () => undefined };
  }
  const dataDir = path.resolve(e.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  // The pool plus a few for migrations and the health check.
  const embedded = await startEmbeddedDatabase({ dataDir, maxConnections: e.DB_POOL_MAX + 5 });
  configureDatabase(embedded.url, "embedded");
  return { url: embedded.url, mode: "embedded", stop: embedded.stop };
}
