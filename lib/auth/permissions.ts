// Roles -> permissions, as data. Unknown roles grant nothing. Checked in the service layer
// (lib/context.ts `authorize` / `authorizeInIncident`); the UI reads the same tables to hide or
// disable what a person cannot do. Pure: safe to import from client components.

export const ORG_ROLES = ["admin", "responder", "viewer"] as const;
export type OrgRoleName = (typeof ORG_ROLES)[number];

export const INCIDENT_ROLES = ["commander", "comms", "ops", "scribe"] as const;
export type IncidentRoleName = (typeof INCIDENT_ROLES)[number];

export const PERMISSIONS = [
  "incident.read",
  "incident.declare",
  /** Status, severity, dependency, cadence, roles: the commander's controls. */
  "incident.command",
  /** Updates, decisions and actions (and corrections of them). */
  "timeline.write",
  /** Notes: comments anyone working the incident may add. */
  "timeline.note",
  "flag.read",
  "flag.flip",
  "flag.manage",
  "apiToken.manage",
  "status.read",
  "status.publish",
  "status.manage",
  "alert.ingest",
  "admin.users",
  "audit.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["incident.read", "flag.read", "status.read"];

/** Organisation-wide grants. Admins hold everything (the break-glass role). */
export const ROLE_PERMISSIONS: Record<OrgRoleName, readonly Permission[]> = {
  admin: PERMISSIONS,
  responder: [...READ, "incident.declare", "timeline.note"],
  viewer: READ,
};

/** Grants inside one incident, to the current holder of the role. */
export const INCIDENT_ROLE_PERMISSIONS: Record<IncidentRoleName, readonly Permission[]> = {
  commander: ["incident.command", "timeline.write", "timeline.note", "flag.flip", "status.publish"],
  ops: ["flag.flip", "timeline.note"],
  comms: ["status.publish", "timeline.note"],
  scribe: ["timeline.write", "timeline.note"],
};

/** Org roles that may hold incident roles (viewers only read, whatever they were assigned). */
export const ROLES_THAT_MAY_HOLD_INCIDENT_ROLES: readonly OrgRoleName[] = ["admin", "responder"];

export const API_TOKEN_SCOPES = [
  "flags:read",
  "incidents:write",
  "status:write",
  "alerts:ingest",
  "admin",
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** What a machine holding a scoped API token may do (tokens are not bound to one incident). */
export const SCOPE_PERMISSIONS: Record<ApiTokenScope, readonly Permission[]> = {
  "flags:read": ["flag.read"],
  "incidents:write": [
    "incident.read",
    "incident.declare",
    "incident.command",
    "timeline.write",
    "timeline.note",
  ],
  "status:write": ["status.read", "status.publish"],
  "alerts:ingest": ["alert.ingest", "incident.read"],
  admin: PERMISSIONS,
};

const has = <K extends string>(table: Record<K, readonly Permission[]>, key: string | undefined) =>
  key !== undefined && Object.hasOwn(table, key);

export function can(role: string | undefined, permission: Permission): boolean {
  if (!has(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as OrgRoleName].includes(permission);
}

/** Whether an incident role grants the permission inside its incident. */
export function incidentRoleGrants(role: string, permission: Permission): boolean {
  if (!has(INCIDENT_ROLE_PERMISSIONS, role)) return false;
  return INCIDENT_ROLE_PERMISSIONS[role as IncidentRoleName].includes(permission);
}

/** The org grant, or the grant of an incident role the person currently holds. */
export function canInIncident(
  orgRole: string | undefined,
  heldRoles: readonly string[],
  permission: Permission,
): boolean {
  if (can(orgRole, permission)) return true;
  if (!ROLES_THAT_MAY_HOLD_INCIDENT_ROLES.includes(orgRole as OrgRoleName)) return false;
  return heldRoles.some((role) => incidentRoleGrants(role, permission));
}

/** Whether some incident could ever grant this: lets services refuse early, before parsing. */
export function couldEverHold(orgRole: string | undefined, permission: Permission): boolean {
  return canInIncident(orgRole, INCIDENT_ROLES, permission);
}

export function scopeGrants(scopes: readonly string[], permission: Permission): boolean {
  return scopes.some(
    (scope) =>
      has(SCOPE_PERMISSIONS, scope) &&
      SCOPE_PERMISSIONS[scope as ApiTokenScope].includes(permission),
  );
}

/** Who, in words, may do something in an incident: the reason a disabled control shows. */
export function whoMay(permission: Permission): string {
  const roles = INCIDENT_ROLES.filter((r) => incidentRoleGrants(r, permission));
  const names: Record<IncidentRoleName, string> = {
    commander: "the incident commander",
    ops: "the ops lead",
    comms: "the comms lead",
    scribe: "the scribe",
  };
  const orgs = ORG_ROLES.filter((r) => can(r, permission)).map((r) => `${r}s`);
  const all = [...roles.map((r) => names[r]), ...orgs];
  return all.length > 1 ? `${all.slice(0, -1).join(", ")} or ${all.at(-1)}` : (all[0] ?? "nobody");
}

const ACTIONS: Partial<Record<Permission, string>> = {
  "incident.command": "change the status, severity and roles",
  "timeline.write": "write updates, decisions and actions",
  "timeline.note": "add notes",
  "flag.flip": "flip flags for this incident",
  "status.publish": "publish to the status page",
};

/** The sentence a disabled control shows: who may do it instead. */
export function reasonFor(permission: Permission): string {
  return `Only ${whoMay(permission)} can ${ACTIONS[permission] ?? permission}.`;
}

export type IncidentCapabilities = {
  canCommand: boolean;
  canWriteTimeline: boolean;
  canNote: boolean;
  canFlip: boolean;
  canPublish: boolean;
};

export function incidentCapabilities(
  orgRole: string | undefined,
  heldRoles: readonly string[],
): IncidentCapabilities {
  const check = (p: Permission) => canInIncident(orgRole, heldRoles, p);
  return {
    canCommand: check("incident.command"),
    canWriteTimeline: check("timeline.write"),
    canNote: check("timeline.note"),
    canFlip: check("flag.flip"),
    canPublish: check("status.publish"),
  };
}
