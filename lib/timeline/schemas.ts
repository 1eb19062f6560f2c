import { z } from "zod";

/** Entries per replay page: a client that gets a full page asks for the next one. */
export const REPLAY_PAGE_SIZE = 500;

// Structured payloads per timeline kind, shared by forms, routes, sockets and services.

const text = (max: number) => z.string().trim().max(max);

export const UpdatePayload = z.object({
  known: text(4000).min(1, "What we know is required"),
  impact: text(2000).default(""),
  nextSteps: text(2000).default(""),
  nextUpdateDueAt: z.iso.datetime().nullish(),
});
export const NotePayload = z.object({ text: text(4000).min(1, "Text is required") });
export const DecisionPayload = z.object({
  question: text(1000).min(1, "The question is required"),
  options: z.array(text(500).min(1)).max(10).default([]),
  choice: text(1000).min(1, "The choice is required"),
  rationale: text(2000).default(""),
  decidedBy: text(200).default(""),
  isReversible: z.boolean().default(true),
});
export const ActionPayload = z.object({
  what: text(1000).min(1, "What is required"),
  owner: text(200).default(""),
  dueAt: z.iso.datetime().nullish(),
  isDone: z.boolean().default(false),
});
export const StatusChangePayload = z.object({ from: z.string().nullable(), to: z.string() });
export const SeverityChangePayload = z.object({ from: z.string(), to: z.string() });
export const RoleChangePayload = z.object({
  role: z.string(),
  change: z.enum(["assigned", "relieved"]),
  userId: z.string(),
  userName: z.string(),
});

export const TIMELINE_PAYLOADS = {
  update: UpdatePayload,
  note: NotePayload,
  decision: DecisionPayload,
  action: ActionPayload,
  status_change: StatusChangePayload,
  severity_change: SeverityChangePayload,
  role_change: RoleChangePayload,
} as const;

export type TimelineEntryDto = {
  id: string;
  incidentId: string;
  seq: number;
  kind: string;
  payload: Record<string, unknown>;
  visibility: "internal" | "public";
  actorId: string | null;
  actorLabel: string;
  amendsSeq: number | null;
  createdAt: string;
};

export const TimelineEntryDtoSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  seq: z.number().int().positive(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  visibility: z.enum(["internal", "public"]),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  amendsSeq: z.number().int().nullable(),
  createdAt: z.string(),
});

const amendsSeq = z.number().int().min(1, "amendsSeq must be 1 or more").optional();

/** What people write into the timeline; status, severity and role entries come from their verbs. */
export const PostEntryInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("update"), payload: UpdatePayload, amendsSeq }),
    z.object({ kind: z.literal("decision"), payload: DecisionPayload, amendsSeq }),
    z.object({ kind: z.literal("action"), payload: ActionPayload, amendsSeq }),
    z.object({ kind: z.literal("note"), payload: NotePayload, amendsSeq }),
  ],
  { message: "kind must be one of update, decision, action, note" },
);
export type PostEntryInput = z.input<typeof PostEntryInput>;

export const CompleteActionInput = z.object({ isDone: z.boolean().default(true) });
