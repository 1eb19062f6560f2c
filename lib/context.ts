import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { db } from "./db";
import { forbidden, notFound, unauthenticated } from "./errors";
import {
  can,
  canInIncident,
  couldEverHold,
  scopeGrants,
  whoMay,
  type Permission,
} from "./auth/permissions";
import { logger } from "./logger";

// Who is acting, and from where. Every service verb takes one.

export type Actor =
  | { type: "user"; id: string; name: string; email: string; role: string }
  | { type: "token"; id: string; name: string; scopes: string[] }
  | { type: "system"; name: string }
  | { type: "anonymous" };

export type Ctx = {
  actor: Actor;
  requestId: string;
  log: Logger;
  ip?: string;
  userAgent?: string;
};

export function createCtx(actor: Actor, extra: Partial<Omit<Ctx, "actor">> = {}): Ctx {
  const requestId = extra.requestId ?? randomUUID();
  const userId = actor.type === "user" ? actor.id : undefined;
  const tokenId = actor.type === "token" ? actor.id : undefined;
  return {
    actor,
    requestId,
    log: extra.log ?? logger().child({ requestId, userId, tokenId }),
    ip: extra.ip,
    userAgent: extra.userAgent,
  };
}

export const systemCtx = (name = "system") => createCtx({ type: "system", name });

export function actorLabel(actor: Actor): string {
  if (actor.type === "user") return actor.name;
  if (actor.type === "token") return `API token ${actor.name}`;
  if (actor.type === "system") return actor.name;
  return "anonymous";
}

export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.id : null;
}

function refuse(ctx: Ctx, permission: Permission, why: string): never {
  ctx.log.info({ event: "authz.denied", permission }, "permission denied");
  throw forbidden(why);
}

/** Throws 401/403 unless the actor holds the permission organisation-wide. The system may do anything. */
export function authorize(ctx: Ctx, permission: Permission): void {
  const { actor } = ctx;
  if (actor.type === "system") return;
  if (actor.type === "anonymous") throw unauthenticated();
  if (actor.type === "token") {
    if (!scopeGrants(actor.scopes, permission)) {
      refuse(ctx, permission, `This API token's scopes do not allow ${permission}`);
    }
    return;
  }
  if (!can(actor.role, permission)) {
    refuse(ctx, permission, `Your role (${actor.role}) does not allow ${permission}`);
  }
}

/**
 * Refuses at once when no incident role could grant the permission to this actor (a viewer, a
 * token without the scope), so such requests are refused before their input is even parsed.
 */
export function authorizeSomewhere(ctx: Ctx, permission: Permission): void {
  const { actor } = ctx;
  if (actor.type !== "user") return authorize(ctx, permission);
  if (!couldEverHold(actor.role, permission)) {
    refuse(ctx, permission, `Your role (${actor.role}) does not allow ${permission}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function incidentExists(incidentId: string): Promise<boolean> {
  if (!UUID.test(incidentId)) return false;
  return (await db().incident.count({ where: { id: incidentId } })) > 0;
}

/** The incident roles a user currently holds in one incident. */
export async function heldIncidentRoles(userId: string, incidentId: string): Promise<string[]> {
  if (!UUID.test(incidentId)) return [];
  const rows = await db().roleAssignment.findMany({
    where: { incidentId, userId, relievedAt: null },
    select: { role: true },
  });
  return rows.map((r) => r.role);
}

/**
 * Grants when the org role grants the permission, or when the user currently holds an incident
 * role in this incident that grants it (the commander, ops lead, comms lead, scribe).
 */
export async function authorizeInIncident(
  ctx: Ctx,
  permission: Permission,
  incidentId: string | null | undefined,
): Promise<void> {
  const { actor } = ctx;
  // Nothing linked to an incident: only the organisation role can grant it.
  if (actor.type !== "user" || !incidentId) return authorize(ctx, permission);
  if (can(actor.role, permission)) return;
  authorizeSomewhere(ctx, permission);
  const held = await heldIncidentRoles(actor.id, incidentId);
  if (!held.length && !(await incidentExists(incidentId))) throw notFound(`Incident ${incidentId}`);
  if (!canInIncident(actor.role, held, permission)) {
    refuse(ctx, permission, `Only ${whoMay(permission)} may do this (${permission})`);
  }
}

/** incidentId -> roles the user currently holds there (for pages that list what they may do). */
export async function heldRolesByIncident(userId: string): Promise<Map<string, string[]>> {
  const rows = await db().roleAssignment.findMany({
    where: { userId, relievedAt: null },
    select: { incidentId: true, role: true },
  });
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.incidentId, [...(map.get(r.incidentId) ?? []), r.role]);
  return map;
}
