import type { FastPath } from "../http/fast-path";
import type { Scheduler } from "../jobs/scheduler";
import { loadApiTokens } from "../auth/api-tokens";
import { ensureDefaultFlags } from "./ensure-default-flags";
import { expireRelaxations, FLAG_EXPIRY_EVERY_MS, FLAG_EXPIRY_JOB } from "./expire-relaxations";
import { registerOfrep } from "./ofrep";
import { rebuildFlagSnapshot, startSnapshotRefresh } from "./snapshot";

// The flags domain's hooks into server.ts (through lib/server/extensions.ts).

export const registerFlagRoutes = (fastPath: FastPath) => registerOfrep(fastPath);

export const registerFlagJobs = (scheduler: Scheduler) =>
  scheduler.add({
    name: FLAG_EXPIRY_JOB,
    everyMs: FLAG_EXPIRY_EVERY_MS,
    run: async () => void (await expireRelaxations()),
  });

export async function warmUpFlags(): Promise<void> {
  await ensureDefaultFlags();
  await Promise.all([rebuildFlagSnapshot(), loadApiTokens()]);
  startSnapshotRefresh(3_000, loadApiTokens);
}
