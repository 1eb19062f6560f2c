import { db } from "../db";
import { systemCtx } from "../context";
import { logger } from "../logger";
import { revertFlagChange } from "./revert-flag-change";

export const FLAG_EXPIRY_JOB = "flag-expiry";
/** Polled every second so a relaxation ends well within 5 s of its deadline. */
export const FLAG_EXPIRY_EVERY_MS = 1_000;

/** Reverts every relaxation whose end time has passed (also the ones overdue since a restart). */
export async function expireRelaxations(now = new Date()): Promise<number> {
  const due = await db().flagChange.findMany({
    where: { endsWhen: "at_time", revertedAt: null, expiresAt: { lte: now } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: 100,
  });
  let reverted = 0;
  for (const { id } of due) {
    try {
      if (
        await revertFlagChange({ ctx: systemCtx(FLAG_EXPIRY_JOB), changeId: id, trigger: "expiry" })
      )
        reverted++;
    } catch (error) {
      logger().error({ err: error, changeId: id }, "flag expiry revert failed");
    }
  }
  return reverted;
}
