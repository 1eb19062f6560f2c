import { z } from "zod";

// Statuspage enums, exactly, and the zod inputs shared by forms, routes and services.

export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export type ComponentStatusName = (typeof COMPONENT_STATUSES)[number];

export const INCIDENT_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

export const COMPONENT_STATUS_LABELS: Record<ComponentStatusName, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

export const STATUS_LABELS: Record<string, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

const name = z.string().trim().min(1, "Name is required").max(120, "Name is too long");
const componentStatus = z.enum(COMPONENT_STATUSES, {
  message: `must be one of ${COMPONENT_STATUSES.join(", ")}`,
});

export const CreateComponentInput = z.object({
  name,
  description: z.string().trim().max(500).default(""),
  group: z
    .string()
    .trim()
    .max(80)
    .nullish()
    .transform((v) => v || null),
  position: z.coerce.number().int().min(0).max(10_000).default(0),
  status: componentStatus.default("operational"),
  showOnlyWhenDegraded: z.boolean().default(false),
});
export const UpdateComponentInput = CreateComponentInput.partial().extend({ id: z.uuid() });

/** Component id -> new status. */
export const ComponentChanges = z
  .record(z.uuid("component ids must be uuids"), componentStatus)
  .default({});

const futureTime = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .nullish()
  .transform((v) => (v ? new Date(v) : null));

/** A message is either free text (name/body) or a template with its variables filled. */
const message = {
  templateKey: z.string().trim().max(80).nullish(),
  variables: z.record(z.string().max(60), z.string().max(2000)).default({}),
  body: z.string().trim().max(5000).optional(),
};

export const PublishIncidentInput = z.object({
  incidentId: z.uuid("incidentId must be an incident id").nullish(),
  name: z.string().trim().max(200).optional(),
  impact: z.enum(IMPACTS).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  componentChanges: ComponentChanges,
  nextUpdateBy: futureTime,
  ...message,
});
export type PublishIncidentInput = z.input<typeof PublishIncidentInput>;

export const PostUpdateInput = z.object({
  statusIncidentId: z.uuid("statusIncidentId must be a public incident id"),
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]).optional(),
  impact: z.enum(IMPACTS).optional(),
  componentChanges: ComponentChanges,
  nextUpdateBy: futureTime,
  ...message,
});
export type PostUpdateInput = z.input<typeof PostUpdateInput>;

export const ScheduleMaintenanceInput = z
  .object({
    name: z.string().trim().min(3, "Title needs at least 3 characters").max(200),
    body: z.string().trim().min(1, "Describe the maintenance").max(5000),
    componentIds: z.array(z.uuid()).max(100).default([]),
    scheduledFor: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }),
    scheduledUntil: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }),
  })
  .refine((v) => new Date(v.scheduledUntil) > new Date(v.scheduledFor), {
    path: ["scheduledUntil"],
    message: "must be after scheduledFor",
  });
export type ScheduleMaintenanceInput = z.input<typeof ScheduleMaintenanceInput>;
