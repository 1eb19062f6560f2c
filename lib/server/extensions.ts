import type { FastPath } from "../http/fast-path";
import type { Scheduler } from "../jobs/scheduler";

// Where each domain plugs into server.ts: fast-path routes, background jobs, and work to do once
// at boot (after migrations, before listening). One line per domain.

export function registerFastRoutes(fastPath: FastPath): void {
  void fastPath;
}

export function registerJobs(scheduler: Scheduler): void {
  void scheduler;
}

export async function warmUp(): Promise<void> {}
