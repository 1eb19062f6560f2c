// Tests of the wasm schema-engine bridge against a real PostgreSQL server.
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:54329/postgres npx vitest run scripts/prisma-engine
// Each test creates its own database on that server (CREATEDB needed) and drops it afterwards.

import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { applyMigrations, migrationStatus, withDatabase } from "./engine.mjs";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bridge = path.join(here, "bridge.mjs");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const needsDb = it.skipIf(!TEST_DATABASE_URL);
const SKIP_NOTE = TEST_DATABASE_URL
  ? ""
  : " [skipped: set TEST_DATABASE_URL to a PostgreSQL server]";
const TIMEOUT = 60_000;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs fn with the URL of a brand-new database, dropped afterwards. */
async function withFreshDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const name = `warroom_bridge_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    await fn(withDatabase(TEST_DATABASE_URL!, name));
  } finally {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.tablename);
}

/** Every migration in the project's history, in order. */
async function migrationNames(): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (!names[0]?.endsWith("_init")) throw new Error("prisma/migrations has no *_init migration");
  return names;
}

/** Runs the Prisma CLI through the bridge; resolves with the exit code and output. */
async function prisma(args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: bridge },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe(`wasm schema-engine bridge${SKIP_NOTE}`, () => {
  it(
    "bridge --version prints a version line",
    async () => {
      const { stdout } = await run(process.execPath, [bridge, "--version"]);
      expect(stdout).toMatch(/^schema-engine-cli [0-9a-f]{40} /);
    },
    TIMEOUT,
  );

  needsDb(
    "applyMigrations applies every migration once and creates the tables",
    async () => {
      await withFreshDatabase(async (url) => {
        const all = await migrationNames();
        const first = await applyMigrations({ url, migrationsDir, schemaPath });
        expect(first.appliedMigrationNames).toEqual(all);
        expect(await tables(url)).toEqual(
          expect.arrayContaining([
            "_prisma_migrations",
            "User",
            "Incident",
            "RoleAssignment",
            "TimelineEntry",
            "AuditLog",
            "Component",
            "Flag",
          ]),
        );
        const second = await applyMigrations({ url, migrationsDir, schemaPath });
        expect(second.appliedMigrationNames).toEqual([]);
      });
    },
    TIMEOUT,
  );

  needsDb(
    "migrationStatus reports pending migrations before and none after",
    async () => {
      await withFreshDatabase(async (url) => {
        const all = await migrationNames();
        const before = await migrationStatus({ url, migrationsDir });
        expect(before).toMatchObject({ pending: all, failed: [], hasMigrationsTable: false });
        expect(before.upToDate).toBe(false);
        await applyMigrations({ url, migrationsDir });
        const after = await migrationStatus({ url, migrationsDir });
        expect(after).toMatchObject({ pending: [], failed: [], hasMigrationsTable: true });
        expect(after.upToDate).toBe(true);
      });
    },
    TIMEOUT,
  );

  needsDb(
    "prisma migrate status and migrate diff --exit-code see no drift through the bridge",
    async () => {
      await withFreshDatabase(async (url) => {
        await applyMigrations({ url, migrationsDir });

        const status = await prisma(["migrate", "status"], url);
        expect(status.code, status.stdout + status.stderr).toBe(0);
        expect(status.stdout).toContain("Database schema is up to date");

        // Replays the migrations in a temporary shadow database created (and dropped) by the bridge.
        const diff = await prisma(
          [
            "migrate",
            "diff",
            "--from-migrations",
            "prisma/migrations",
            "--to-schema",
            "prisma/schema.prisma",
            "--script",
            "--exit-code",
          ],
          url,
        );
        expect(diff.code, diff.stdout + diff.stderr).toBe(0);
        expect(diff.stdout).toContain("This is an empty migration");

        const shadows = await admin((c) =>
          c.query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
          ),
        );
        expect(shadows.rows).toEqual([]);
      });
    },
    TIMEOUT,
  );

  needsDb(
    "a broken migration makes applyMigrations throw and is reported failed",
    async () => {
      await withFreshDatabase(async (url) => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), "warroom-migrations-"));
        try {
          await fs.cp(migrationsDir, dir, { recursive: true });
          const broken = "29990101000000_broken";
          await fs.mkdir(path.join(dir, broken));
          await fs.writeFile(
            path.join(dir, broken, "migration.sql"),
            'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "does_not_exist" ADD COLUMN "x" INTEGER;\n',
          );

          const failure = await applyMigrations({ url, migrationsDir: dir }).then(
            () => undefined,
            (error: Error) => error,
          );
          expect(failure).toBeInstanceOf(Error);
          expect(failure!.message).not.toContain("\n");
          expect(failure!.message).toContain(broken);
          expect(failure!.message).toContain('relation "does_not_exist" does not exist');

          const status = await migrationStatus({ url, migrationsDir: dir });
          expect(status.failed).toEqual([broken]);
          expect(status.upToDate).toBe(false);
          // The script runs as one implicit transaction: nothing of it stays behind.
          expect(await tables(url)).not.toContain("half_done");
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      });
    },
    TIMEOUT,
  );

  needsDb(
    "bridge cli can-connect-to-database reports a missing database as P1003",
    async () => {
      const url = withDatabase(TEST_DATABASE_URL!, "warroom_bridge_test_missing_db");
      const result = await run(process.execPath, [
        bridge,
        "--datasource",
        JSON.stringify({ url }),
        "cli",
        "can-connect-to-database",
      ]).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.split("\n").slice(1); // the CLI skips the first line too
      const logged = lines.map((line) => JSON.parse(line) as { fields: Record<string, string> });
      expect(logged.at(-1)?.fields.error_code).toBe("P1003");
    },
    TIMEOUT,
  );
});
