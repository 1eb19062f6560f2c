import http from "node:http";
import type { Env } from "../env";
import { checkReachable } from "../db/start";
import { FastPath, sendJson } from "../http/fast-path";
import { logger } from "../logger";
import { registerStatusRoutes } from "../status/serve-snapshot";
import { loadSnapshotFromDisk } from "../status/snapshot";

// The outage Warroom is used in may take its own database down. If PostgreSQL is unreachable at
// start but a status snapshot was saved, customers still get the last published status page,
// JSON and feeds while the server waits for the database; the console answers 503 meanwhile.

const RETRY_MS = 5_000;

/** Serves the saved public status until `url` answers; resolves then (false if no snapshot). */
export async function serveStatusUntilDatabaseReturns(
  e: Env,
  url: string,
  reason: string,
): Promise<boolean> {
  if (!loadSnapshotFromDisk()) return false;
  const log = logger();
  const fastPath = new FastPath()
    .add("/healthz", (_req, res) => sendJson(res, 200, { status: "ok", mode: "degraded" }))
    .add("/readyz", (_req, res) =>
      sendJson(res, 503, { status: "not ready", detail: `database unreachable: ${reason}` }),
    );
  registerStatusRoutes(fastPath);
  const server = http.createServer((req, res) => {
    if (fastPath.handle(req, res)) return;
    sendJson(
      res,
      503,
      {
        title: "Service unavailable",
        status: 503,
        detail: "The Warroom console is waiting for its database; the public status page is up.",
      },
      { "retry-after": "5" },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.PORT, e.HOST, resolve);
  });
  log.error({ reason }, "database unreachable: serving the saved status snapshot until it returns");
  process.stdout.write(
    `\n  Warroom: database unreachable (${reason}).\n  Serving the last status page on port ${e.PORT}; retrying every ${RETRY_MS / 1000} s.\n\n`,
  );

  let isStopping = false;
  const stop = () => {
    isStopping = true;
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  for (;;) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    if (isStopping) return true;
    const isBack = await checkReachable(url, 3_000).then(
      () => true,
      () => false,
    );
    if (!isBack) continue;
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    log.info("database reachable again: starting the console");
    return true;
  }
}
