import { z } from "zod";
import { CreateApiTokenInput } from "../auth/api-tokens";
import {
  CreateFlagInput,
  FlipFlagInput,
  RevertChangeInput,
  UpdateFlagInput,
} from "../flags/schemas";
import {
  AssignRoleInput,
  DeclareIncidentInput,
  ListIncidentsQuery,
  TransitionInput,
  UpdateIncidentInput,
} from "../incidents/schemas";
import {
  CreateComponentInput,
  PostUpdateInput,
  PublishIncidentInput,
  ScheduleMaintenanceInput,
} from "../status/schemas";
import { CompleteActionInput, PostEntryInput } from "../timeline/schemas";
import { AuditQuery } from "../audit/list-audit";
import { PostmortemQuery } from "../postmortem/build-postmortem";
import {
  AcceptInviteInput,
  ChangePasswordInput,
  InviteUserInput,
  UpdateUserInput,
} from "../users/schemas";
import { ListStatusIncidentsQuery } from "../comms/list-status-incidents";
import { CreateTemplateInput, UpdateTemplateInput } from "../comms/schemas";

// Every console REST operation, with the zod schemas its service verb parses. The OpenAPI
// document is generated from this list, and a test checks it against the route files on disk.

export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  idempotent?: boolean;
  created?: boolean;
};

const ReplayQuery = z.object({ after: z.number().int().min(0).default(0) });

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/incidents",
    summary: "List incidents, open first",
    tag: "Incidents",
    query: ListIncidentsQuery,
  },
  {
    method: "post",
    path: "/api/incidents",
    summary: "Declare an incident",
    tag: "Incidents",
    body: DeclareIncidentInput,
    idempotent: true,
    created: true,
  },
  {
    method: "get",
    path: "/api/incidents/{id}",
    summary: "One incident with its role holders",
    tag: "Incidents",
  },
  {
    method: "patch",
    path: "/api/incidents/{id}",
    summary: "Change severity, dependency, cadence or wording",
    tag: "Incidents",
    body: UpdateIncidentInput,
    idempotent: true,
  },
  {
    method: "post",
    path: "/api/incidents/{id}/status",
    summary: "Move along the lifecycle (409 with the current state if someone moved first)",
    tag: "Incidents",
    body: TransitionInput,
    idempotent: true,
    created: true,
  },
  {
    method: "post",
    path: "/api/incidents/{id}/roles",
    summary: "Assign or hand off a role",
    tag: "Roles",
    body: AssignRoleInput,
    idempotent: true,
    created: true,
  },
  {
    method: "delete",
    path: "/api/incidents/{id}/roles/{role}",
    summary: "Relieve a role's holder",
    tag: "Roles",
    idempotent: true,
  },
  {
    method: "get",
    path: "/api/incidents/{id}/timeline",
    summary: "Timeline entries after a seq, in order",
    tag: "Timeline",
    query: ReplayQuery,
  },
  {
    method: "post",
    path: "/api/incidents/{id}/timeline",
    summary: "Append an update, decision, action or note (or a correction)",
    tag: "Timeline",
    body: PostEntryInput,
    idempotent: true,
    created: true,
  },
  {
    method: "get",
    path: "/api/incidents/{id}/decisions",
    summary: "Decisions of the incident",
    tag: "Timeline",
  },
  {
    method: "get",
    path: "/api/incidents/{id}/postmortem",
    summary: "Postmortem draft built from the incident record (JSON, or ?format=markdown)",
    tag: "Incidents",
    query: PostmortemQuery,
  },
  {
    method: "get",
    path: "/api/incidents/{id}/actions",
    summary: "Actions, open first",
    tag: "Timeline",
  },
  {
    method: "post",
    path: "/api/incidents/{id}/actions/{seq}",
    summary: "Mark an action done or open again",
    tag: "Timeline",
    body: CompleteActionInput,
    idempotent: true,
    created: true,
  },
  { method: "get", path: "/api/users", summary: "Active users (for role pickers)", tag: "Users" },
  { method: "get", path: "/api/flags", summary: "All flags with active relaxations", tag: "Flags" },
  {
    method: "post",
    path: "/api/flags",
    summary: "Create a flag (admins)",
    tag: "Flags",
    body: CreateFlagInput,
    created: true,
  },
  {
    method: "get",
    path: "/api/flags/{key}",
    summary: "One flag with its recent changes",
    tag: "Flags",
  },
  {
    method: "patch",
    path: "/api/flags/{key}",
    summary: "Edit a flag (admins)",
    tag: "Flags",
    body: UpdateFlagInput,
  },
  { method: "delete", path: "/api/flags/{key}", summary: "Archive a flag (admins)", tag: "Flags" },
  {
    method: "post",
    path: "/api/flags/{key}/flip",
    summary: "Flip a flag with a reason and an end (409 on a stale version)",
    tag: "Flags",
    body: FlipFlagInput,
    idempotent: true,
    created: true,
  },
  {
    method: "post",
    path: "/api/flags/changes/{id}/revert",
    summary: "Revert a relaxation now",
    tag: "Flags",
    body: RevertChangeInput,
    idempotent: true,
    created: true,
  },
  { method: "get", path: "/api/tokens", summary: "API tokens (admins)", tag: "Tokens" },
  {
    method: "post",
    path: "/api/tokens",
    summary: "Create a scoped API token; the secret is shown once",
    tag: "Tokens",
    body: CreateApiTokenInput,
    created: true,
  },
  { method: "delete", path: "/api/tokens/{id}", summary: "Revoke a token", tag: "Tokens" },
  {
    method: "get",
    path: "/api/status/components",
    summary: "Status page components",
    tag: "Status page",
  },
  {
    method: "post",
    path: "/api/status/components",
    summary: "Create a component (admins)",
    tag: "Status page",
    body: CreateComponentInput,
    created: true,
  },
  {
    method: "patch",
    path: "/api/status/components/{id}",
    summary: "Edit a component",
    tag: "Status page",
    body: CreateComponentInput.partial(),
  },
  {
    method: "delete",
    path: "/api/status/components/{id}",
    summary: "Delete a component",
    tag: "Status page",
  },
  {
    method: "get",
    path: "/api/status/incidents",
    summary: "Public incidents",
    tag: "Status page",
    query: ListStatusIncidentsQuery,
  },
  {
    method: "post",
    path: "/api/status/incidents",
    summary: "Publish a public incident (from a template or free text)",
    tag: "Status page",
    body: PublishIncidentInput,
    created: true,
  },
  {
    method: "post",
    path: "/api/status/incidents/{id}/updates",
    summary: "Post a public update",
    tag: "Status page",
    body: PostUpdateInput,
    created: true,
  },
  {
    method: "post",
    path: "/api/status/maintenances",
    summary: "Schedule maintenance",
    tag: "Status page",
    body: ScheduleMaintenanceInput,
    created: true,
  },
  {
    method: "get",
    path: "/api/status/templates",
    summary: "Message templates",
    tag: "Status page",
  },
  {
    method: "post",
    path: "/api/status/templates",
    summary: "Create a message template (admins; variables come from title and body)",
    tag: "Status page",
    body: CreateTemplateInput,
    created: true,
  },
  {
    method: "patch",
    path: "/api/status/templates/{key}",
    summary: "Edit a message template (admins)",
    tag: "Status page",
    body: UpdateTemplateInput,
  },
  {
    method: "delete",
    path: "/api/status/templates/{key}",
    summary: "Archive a message template: hidden from the picker, key kept (admins)",
    tag: "Status page",
  },
  {
    method: "get",
    path: "/api/status/outbox",
    summary: "Deliveries and the dead-letter list",
    tag: "Status page",
  },
  {
    method: "post",
    path: "/api/status/outbox/{id}/retry",
    summary: "Retry a dead-lettered delivery",
    tag: "Status page",
    created: true,
  },
  {
    method: "get",
    path: "/api/admin/users",
    summary: "All users with their state (admins)",
    tag: "Users",
  },
  {
    method: "patch",
    path: "/api/users/{id}",
    summary: "Change a user's role or disable them; ends their sessions (admins)",
    tag: "Users",
    body: UpdateUserInput,
  },
  { method: "get", path: "/api/invites", summary: "Open invitations (admins)", tag: "Users" },
  {
    method: "post",
    path: "/api/invites",
    summary: "Invite someone; the link is shown once (admins)",
    tag: "Users",
    body: InviteUserInput,
    created: true,
  },
  {
    method: "delete",
    path: "/api/invites/{id}",
    summary: "Withdraw an invitation (admins)",
    tag: "Users",
  },
  {
    method: "post",
    path: "/api/invites/accept",
    summary: "Accept an invitation and set the first password (no sign-in)",
    tag: "Users",
    body: AcceptInviteInput,
    created: true,
  },
  {
    method: "post",
    path: "/api/account/password",
    summary: "Change your password; ends your other sessions",
    tag: "Users",
    body: ChangePasswordInput,
    created: true,
  },
  {
    method: "get",
    path: "/api/audit",
    summary: "Audit log, filtered (admins)",
    tag: "Audit",
    query: AuditQuery,
  },
  {
    method: "get",
    path: "/api/audit/export",
    summary: "Audit log as JSON lines (admins)",
    tag: "Audit",
    query: AuditQuery,
  },
];
