import type { FastPath } from "../http/fast-path";
import type { Scheduler } from "../jobs/scheduler";
import { registerStatusFastRoutes, registerStatusJobs, warmUpStatus } from "../status/register";
import { registerFlagJobs, registerFlagRoutes, warmUpFlags } from "../flags/server";

// Where each domain plugs into server.ts: fast-path routes, background jobs, and work to do once
// at boot (after migrations, before listening). One line per domain.

export function registerFastRoutes(fastPath: FastPath): void {
  registerFlagRoutes(fastPath);
  registerStatusFastRoutes(fastPath);
}

export function registerJobs(scheduler: Scheduler): void {
  registerFlagJobs(scheduler);
  registerStatusJobs(scheduler);
}

export async function warmUp(): Promise<void> {
  await warmUpFlags();
  await warmUpStatus();
}
