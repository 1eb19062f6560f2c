import { z } from "zod";
import { DEPENDENCY_CATEGORIES } from "../incidents/schemas";

// Flag inputs shared by forms, routes and services; DTOs the console renders.

export const FLAG_KINDS = ["kill_switch", "degradation", "operational"] as const;
export const FLAG_VALUE_TYPES = ["boolean", "string", "number", "object"] as const;
export const ENDS_WHEN = ["at_time", "on_resolve", "never"] as const;
export type FlagValueType = (typeof FLAG_VALUE_TYPES)[number];
export type EndsWhen = (typeof ENDS_WHEN)[number];

export const FLAG_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

const jsonValue: z.ZodType<unknown> = z.json();

export const FlipFlagInput = z.object({
  value: jsonValue,
  expectedVersion: z.number().int("expectedVersion must be a whole number").positive(),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(1000),
  incidentId: z.uuid("incidentId must be an incident id").nullish(),
  endsWhen: z.enum(ENDS_WHEN).optional(),
  expiresAt: z.iso
    .datetime({ offset: true, message: "expiresAt must be an ISO date-time" })
    .optional(),
  confirmNever: z.boolean().default(false),
});
export type FlipFlagInput = z.input<typeof FlipFlagInput>;

export const RevertChangeInput = z.object({
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(1000).optional(),
});

const flagFields = {
  description: z.string().trim().max(2000),
  kind: z.enum(FLAG_KINDS),
  dependencyCategory: z.enum(DEPENDENCY_CATEGORIES).nullable(),
  components: z.array(z.string().trim().min(1).max(100)).max(50),
  revertOnResolve: z.boolean(),
  ownerId: z.uuid("ownerId must be a user id").nullable(),
  defaultValue: jsonValue,
};

export const CreateFlagInput = z.object({
  key: z
    .string()
    .trim()
    .regex(FLAG_KEY, "Use lowercase letters, digits, '.', '_' or '-' (e.g. payments.defer_mode)"),
  valueType: z.enum(FLAG_VALUE_TYPES),
  description: flagFields.description.default(""),
  kind: flagFields.kind,
  dependencyCategory: flagFields.dependencyCategory.default(null),
  components: flagFields.components.default([]),
  revertOnResolve: flagFields.revertOnResolve.default(false),
  ownerId: flagFields.ownerId.default(null),
  defaultValue: jsonValue,
});
export type CreateFlagInput = z.input<typeof CreateFlagInput>;

export const UpdateFlagInput = z.object(flagFields).partial();
export type UpdateFlagInput = z.input<typeof UpdateFlagInput>;

/** Checks a JSON value against a flag's declared type. */
export function matchesType(value: unknown, type: FlagValueType): boolean {
  if (type === "object")
    return typeof value === "object" && value !== null && !Array.isArray(value);
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === type;
}

export type FlagChangeDto = {
  id: string;
  from: unknown;
  to: unknown;
  actorLabel: string;
  actorType: string;
  reason: string;
  incident: { id: string; number: number; title: string; status: string } | null;
  endsWhen: EndsWhen | null;
  expiresAt: string | null;
  revertsId: string | null;
  revertedAt: string | null;
  createdAt: string;
};

export type FlagDto = {
  id: string;
  key: string;
  description: string;
  kind: (typeof FLAG_KINDS)[number];
  valueType: FlagValueType;
  value: unknown;
  defaultValue: unknown;
  version: number;
  owner: { id: string; name: string } | null;
  dependencyCategory: string | null;
  components: string[];
  revertOnResolve: boolean;
  isRelaxed: boolean;
  lastChange: FlagChangeDto | null;
  activeRelaxation: FlagChangeDto | null;
  updatedAt: string;
};
