// Roles -> permissions, as data. Unknown roles grant nothing. Checked in the service layer.

export const ORG_ROLES = ["admin", "responder", "viewer"] as const;
export type OrgRoleName = (typeof ORG_ROLES)[number];

export const PERMISSIONS = [
  "incident.read",
  "incident.declare",
  "incident.update",
  "timeline.write",
  "flag.read",
  "flag.flip",
  "flag.manage",
  "apiToken.manage",
  "status.read",
  "status.publish",
  "status.manage",
  "admin.users",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["incident.read", "flag.read", "status.read"];

export const ROLE_PERMISSIONS: Record<OrgRoleName, readonly Permission[]> = {
  admin: PERMISSIONS,
  responder: [
    ...READ,
    "incident.declare",
    "incident.update",
    "timeline.write",
    "flag.flip",
    "status.publish",
  ],
  viewer: READ,
};

export function can(role: string | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as OrgRoleName].includes(permission);
}
