import { z } from "zod";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const SEVERITY_DEFINITIONS: Record<(typeof SEVERITIES)[number], string> = {
  SEV1: "Critical: core flows (payments, sign-in) down for many customers",
  SEV2: "Major: a core flow degraded or down for some customers",
  SEV3: "Minor: limited impact, a workaround exists",
  SEV4: "Low: no customer impact yet, watch closely",
};
/** Default internal update cadence per severity, in minutes (the protocol asks for 10 in a SEV1). */
export const DEFAULT_CADENCE_MINUTES: Record<(typeof SEVERITIES)[number], number> = {
  SEV1: 10,
  SEV2: 15,
  SEV3: 30,
  SEV4: 60,
};

export const DEPENDENCY_CATEGORIES = ["payment", "auth", "cloud", "other"] as const;
export const INCIDENT_STATUSES = [
  "triage",
  "investigating",
  "identified",
  "mitigated",
  "resolved",
  "closed",
  "cancelled",
] as const;
export const OPEN_STATUSES = ["triage", "investigating", "identified", "mitigated"] as const;
export const INCIDENT_ROLES = ["commander", "comms", "ops", "scribe"] as const;
export const INCIDENT_ROLE_LABELS: Record<(typeof INCIDENT_ROLES)[number], string> = {
  commander: "Incident commander",
  comms: "Comms lead",
  ops: "Ops lead",
  scribe: "Scribe",
};

export const DeclareIncidentInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Title needs at least 3 characters")
    .max(200, "Title is too long"),
  severity: z.enum(SEVERITIES).default("SEV3"),
  dependencyCategory: z.enum(DEPENDENCY_CATEGORIES).default("other"),
  dependencyName: z.string().trim().max(100).default(""),
  components: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  summary: z.string().trim().max(4000).default(""),
  commanderId: z.uuid("commanderId must be a user id").optional(),
});
export type DeclareIncidentInput = z.input<typeof DeclareIncidentInput>;

export const ListIncidentsQuery = z.object({
  status: z.enum([...INCIDENT_STATUSES, "open"]).optional(),
  severity: z.enum(SEVERITIES).optional(),
  dependency: z.enum(DEPENDENCY_CATEGORIES).optional(),
});
export type ListIncidentsQuery = z.infer<typeof ListIncidentsQuery>;

export type RoleHolderDto = { role: string; userId: string; userName: string; assignedAt: string };

export type IncidentSummaryDto = {
  id: string;
  number: number;
  title: string;
  summary: string;
  severity: string;
  status: string;
  dependencyCategory: string;
  dependencyName: string;
  components: string[];
  declaredAt: string;
  lastEntryAt: string | null;
  nextUpdateDueAt: string | null;
  updateCadenceMinutes: number | null;
  resolvedAt: string | null;
  lastSeq: number;
  roles: RoleHolderDto[];
};

export const TransitionInput = z.object({
  to: z.enum(INCIDENT_STATUSES, { message: `to must be one of ${INCIDENT_STATUSES.join(", ")}` }),
  // The status the user saw; a different current status means someone else moved it first.
  expectedStatus: z.enum(INCIDENT_STATUSES).optional(),
  note: z.string().trim().max(2000).default(""),
});

export const UpdateIncidentInput = z
  .object({
    title: z.string().trim().min(3).max(200).optional(),
    summary: z.string().trim().max(4000).optional(),
    severity: z.enum(SEVERITIES).optional(),
    dependencyCategory: z.enum(DEPENDENCY_CATEGORIES).optional(),
    dependencyName: z.string().trim().max(100).optional(),
    components: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    updateCadenceMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, {
    message: "Nothing to change: send at least one field",
  });

export const AssignRoleInput = z.object({
  role: z.enum(INCIDENT_ROLES, { message: `role must be one of ${INCIDENT_ROLES.join(", ")}` }),
  userId: z.uuid("userId must be a user id"),
});

export const RelieveRoleInput = z.object({
  role: z.enum(INCIDENT_ROLES, { message: `role must be one of ${INCIDENT_ROLES.join(", ")}` }),
});
