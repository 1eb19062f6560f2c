import { logger } from "../logger";
import { broadcast } from "../realtime/broadcast";
import { ROOMS } from "../realtime/events";
import { toEntryDto } from "../timeline/append-entry";
import type { TimelineEntry } from "../generated/prisma/client";
import { rebuildFlagSnapshot } from "./snapshot";

/** After commit: rebuild the OFREP snapshot (so the next evaluation sees it), then push. */
export async function publishFlagChange(change: {
  key: string;
  version: number;
  value: unknown;
  changeId: string | null;
  entry?: TimelineEntry | null;
}): Promise<void> {
  await rebuildFlagSnapshot().catch((error: unknown) =>
    logger().warn({ err: error }, "flag snapshot rebuild failed; serving the previous one"),
  );
  const { entry, ...payload } = change;
  broadcast(ROOMS.flags, "flag:changed", payload);
  if (entry) broadcast(ROOMS.incident(entry.incidentId), "timeline:entry", toEntryDto(entry));
}
