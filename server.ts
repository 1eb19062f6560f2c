import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import next from "next";
import { Server as SocketServer } from "socket.io";
import { applyMigrations } from "./scripts/prisma-engine/engine.mjs";
import { loadOrCreateSecret } from "./lib/auth/secret-file";
import { db, disconnectDatabase } from "./lib/db";
import { DatabaseStartError, startDatabase, type StartedDatabase } from "./lib/db/start";
import { serveStatusUntilDatabaseReturns } from "./lib/server/degraded";
import { env, EnvError, parseEnv, publicUrl } from "./lib/env";
import { FastPath, sendJson } from "./lib/http/fast-path";
import { applySecurityHeaders } from "./lib/http/security-headers";
import { logger } from "./lib/logger";
import { scheduler } from "./lib/jobs/scheduler";
import { registerIo } from "./lib/realtime/broadcast";
import { attachClusterAdapter } from "./lib/realtime/cluster";
import { attachRealtime } from "./lib/realtime/socket-server";
import { seedDemoIfEmpty } from "./lib/seed/seed-demo";
import { registerFastRoutes, registerJobs, warmUp } from "./lib/server/extensions";
import { DEMO_USERS } from "./lib/seed/demo-data";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** Startup errors are one line, no stack: they are about configuration, not code. */
function fail(message: string): never {
  process.stderr.write(`warroom: ${message}\n`);
  process.exit(1);
}

async function readiness(): Promise<{ ok: boolean; detail: string }> {
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const onDisk = fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const pending = onDisk.filter((name) => !applied.has(name));
    return pending.length
      ? { ok: false, detail: `pending migrations: ${pending.join(", ")}` }
      : { ok: true, detail: "database reachable, migrations applied" };
  } catch {
    return { ok: false, detail: "database unreachable" };
  }
}

async function main(): Promise<void> {
  let e;
  try {
    const raw = parseEnv(process.env);
    process.env.AUTH_SECRET ??= loadOrCreateSecret(path.resolve(raw.DATA_DIR));
    e = env();
  } catch (error) {
    fail(error instanceof EnvError ? error.message : String(error));
  }
  process.env.NEXTAUTH_URL ??= publicUrl();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const log = logger();
  const isDev = e.NODE_ENV === "development";

  let database: StartedDatabase;
  try {
    database = await startDatabase(e).catch(async (error: unknown) => {
      const canWait =
        error instanceof DatabaseStartError &&
        e.DATABASE_URL !== undefined &&
        (await serveStatusUntilDatabaseReturns(e, e.DATABASE_URL, error.message));
      if (!canWait) throw error;
      return startDatabase(e);
    });
    const { appliedMigrationNames } = await applyMigrations({
      url: database.url,
      migrationsDir: MIGRATIONS_DIR,
    });
    if (appliedMigrationNames.length)
      log.info({ migrations: appliedMigrationNames }, "migrations applied");
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const seeded = e.SEED_DEMO === "auto" ? await seedDemoIfEmpty() : false;
  await warmUp();

  const app = next({ dev: isDev, dir: process.cwd(), hostname: "localhost", port: e.PORT });
  await app.prepare();
  const handleNext = app.getRequestHandler();

  const fastPath = new FastPath()
    .add("/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }))
    .add("/readyz", async (_req, res) => {
      const r = await readiness();
      sendJson(res, r.ok ? 200 : 503, { status: r.ok ? "ready" : "not ready", detail: r.detail });
    });
  registerFastRoutes(fastPath);

  const headerOptions = {
    isDev,
    isHttps: publicUrl().startsWith("https:"),
    statusFrameAncestors: e.STATUS_FRAME_ANCESTORS?.split(/\s+/) ?? [],
    trustProxy: e.TRUST_PROXY === "1",
  };
  const server = http.createServer((req, res) => {
    applySecurityHeaders(req, res, headerOptions);
    if (fastPath.handle(req, res)) return;
    handleNext(req, res).catch((error: unknown) => {
      log.error({ err: error, url: req.url }, "unhandled request error");
      if (!res.headersSent) sendJson(res, 500, { title: "Internal error", status: 500 });
    });
  });
  const io = new SocketServer(server, { serveClient: false, cors: { origin: false } });
  const detachCluster = attachClusterAdapter(io);
  attachRealtime(io);
  registerIo(io);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.PORT, e.HOST, resolve);
  }).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === "EADDRINUSE" ? `port ${e.PORT} is already in use (PORT)` : error.message),
  );

  const jobs = scheduler();
  registerJobs(jobs);
  await jobs.start();

  const url = publicUrl();
  log.info({ port: e.PORT, database: database.mode }, "warroom listening");
  process.stdout.write(
    `\n  Warroom is running at ${url}  (database: ${database.mode}${seeded ? ", demo data seeded" : ""})\n` +
      (e.SEED_DEMO === "auto"
        ? // Secrets never reach logs: the demo password is shown on the sign-in page only.
          `  Demo logins (password on the sign-in page): ${DEMO_USERS.map((u) => u.email).join(", ")}\n\n`
        : "\n"),
  );

  let isStopping = false;
  const shutdown = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 8_000);
    force.unref();
    registerIo(undefined);
    // io.close() disconnects every socket and closes the HTTP server; in-flight requests finish.
    void io.close();
    server.closeIdleConnections();
    server.close(() => {
      jobs
        .stop()
        .then(() => detachCluster())
        .then(() => disconnectDatabase())
        .then(() => database.stop())
        .then(() => app.close?.())
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "startup failed");
  fail(error instanceof Error ? error.message : String(error));
});
