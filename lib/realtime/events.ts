import { z } from "zod";
import { TimelineEntryDtoSchema } from "../timeline/schemas";

// Event names and payload schemas, once, for both sides. Each side validates what it receives.

export const ROOMS = {
  incidents: "incidents",
  incident: (id: string) => `incident:${id}`,
  flags: "flags",
} as const;

export const IncidentChangedPayload = z.looseObject({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  status: z.string(),
  severity: z.string(),
});

export const PresencePayload = z.object({
  incidentId: z.string(),
  users: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const StatusChangedPayload = z.object({
  incidentId: z.string().nullable(),
  statusIncidentId: z.string().nullable(),
});

export const FlagChangedPayload = z.object({
  key: z.string(),
  version: z.number().int(),
  value: z.unknown(),
  changeId: z.string().nullable(),
});

/** Server -> client events. */
export const SERVER_EVENTS = {
  "incident:changed": IncidentChangedPayload,
  "timeline:entry": TimelineEntryDtoSchema,
  presence: PresencePayload,
  "flag:changed": FlagChangedPayload,
  "status:changed": StatusChangedPayload,
} as const;
export type ServerEventName = keyof typeof SERVER_EVENTS;

/** Client -> server events (with an acknowledgement callback). */
export const JoinIncidentPayload = z.object({
  incidentId: z.uuid("incidentId must be an incident id"),
  lastSeq: z.number().int().min(0, "lastSeq must be 0 or more"),
});
export const CLIENT_EVENTS = {
  "incidents:subscribe": z.object({}).strict(),
  "flags:subscribe": z.object({}).strict(),
  "incident:join": JoinIncidentPayload,
  "incident:leave": z.object({ incidentId: z.uuid() }),
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENTS;

export type Ack<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
