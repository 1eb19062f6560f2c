import { broadcast } from "../realtime/broadcast";
import { ROOMS } from "../realtime/events";
import type { TimelineEntry } from "../generated/prisma/client";
import { toEntryDto } from "../timeline/append-entry";
import type { IncidentSummaryDto } from "./schemas";

/** After commit: the incident's new state to the list and the room, then its new entries in order. */
export function publishIncidentChange(
  incident: IncidentSummaryDto,
  entries: TimelineEntry[],
): void {
  broadcast(ROOMS.incidents, "incident:changed", incident);
  broadcast(ROOMS.incident(incident.id), "incident:changed", incident);
  for (const entry of entries)
    broadcast(ROOMS.incident(incident.id), "timeline:entry", toEntryDto(entry));
}
