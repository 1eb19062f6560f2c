import type { FastPath } from "../http/fast-path";
import type { Scheduler } from "../jobs/scheduler";
import { systemCtx } from "../context";
import { logger } from "../logger";
import { ensureDefaultTemplates } from "../comms/templates";
import { deliverOutbox } from "../comms/deliver-outbox";
import { OUTBOX_JOB } from "./after-commit";
import { advanceMaintenances } from "./advance-maintenances";
import { registerStatusRoutes } from "./serve-snapshot";
import { loadSnapshotFromDisk, refreshStatusSnapshot } from "./snapshot";
import { registerSubscribeRoutes } from "./subscribe-routes";

// The status domain's plug-ins for server.ts (see lib/server/extensions.ts).

const REFRESH_MS = 15_000;

export function registerStatusFastRoutes(fastPath: FastPath): void {
  registerStatusRoutes(fastPath);
  registerSubscribeRoutes(fastPath);
}

export function registerStatusJobs(scheduler: Scheduler): void {
  scheduler.add({
    name: OUTBOX_JOB,
    everyMs: 5_000,
    run: async () => void (await deliverOutbox(systemCtx("outbox"))),
  });
  scheduler.add({
    name: "status.maintenance",
    everyMs: 15_000,
    run: async () => void (await advanceMaintenances(systemCtx("maintenance"))),
  });
}

/** Serves the saved snapshot at once, then rebuilds it and keeps it fresh on every instance. */
export async function warmUpStatus(): Promise<void> {
  loadSnapshotFromDisk();
  try {
    const added = await ensureDefaultTemplates();
    if (added) logger().info({ added }, "default message templates added");
  } catch (error) {
    logger().warn({ err: error }, "could not ensure default templates");
  }
  await refreshStatusSnapshot();
  setInterval(() => void refreshStatusSnapshot(), REFRESH_MS).unref();
}
