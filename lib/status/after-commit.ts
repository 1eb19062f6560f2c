import { toEntryDto } from "../timeline/append-entry";
import type { TimelineEntry } from "../generated/prisma/client";
import { broadcast } from "../realtime/broadcast";
import { scheduler } from "../jobs/scheduler";
import { refreshStatusSnapshot } from "./snapshot";

export const OUTBOX_JOB = "status.outbox";

/** After a committed public change: timeline live, snapshot rebuilt, deliveries kicked off. */
export async function afterStatusCommit(options: {
  incidentId?: string | null;
  statusIncidentId?: string | null;
  entries?: TimelineEntry[];
}): Promise<void> {
  for (const entry of options.entries ?? []) {
    broadcast(`incident:${entry.incidentId}`, "timeline:entry", toEntryDto(entry));
  }
  await refreshStatusSnapshot();
  const payload = {
    incidentId: options.incidentId ?? null,
    statusIncidentId: options.statusIncidentId ?? null,
  };
  broadcast("incidents", "status:changed", payload);
  if (payload.incidentId) broadcast(`incident:${payload.incidentId}`, "status:changed", payload);
  void scheduler().runNow(OUTBOX_JOB);
}
