import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations, withDatabase } from "../scripts/prisma-engine/engine.mjs";

// One database for the run: a fresh database on TEST_DATABASE_URL's server (CI's PostgreSQL),
// or the embedded PGlite default in a temp directory. Tests create their own rows in it.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: "embedded" | "postgresql";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (serverUrl) {
    const name = `warroom_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(serverUrl, name);
    teardown = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-test-db-"));
    const embedded = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 40 });
    url = embedded.url;
    teardown = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations({ url, migrationsDir: path.resolve("prisma/migrations") });
  project.provide("databaseUrl", url);
  project.provide("databaseMode", serverUrl ? "postgresql" : "embedded");
  return teardown;
}
