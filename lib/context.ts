import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { forbidden, unauthenticated } from "./errors";
import { can, type Permission } from "./auth/permissions";
import { logger } from "./logger";

// Who is acting, and from where. Every service verb takes one.

export type Actor =
  | { type: "user"; id: string; name: string; email: string; role: string }
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
  return {
    actor,
    requestId,
    log: extra.log ?? logger().child({ requestId, userId }),
    ip: extra.ip,
    userAgent: extra.userAgent,
  };
}

export const systemCtx = (name = "system") => createCtx({ type: "system", name });

export function actorLabel(actor: Actor): string {
  if (actor.type === "user") return actor.name;
  if (actor.type === "system") return actor.name;
  return "anonymous";
}

export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.id : null;
}

/** Throws 401/403 unless the actor holds the permission. The system may do anything. */
export function authorize(ctx: Ctx, permission: Permission): void {
  const { actor } = ctx;
  if (actor.type === "system") return;
  if (actor.type === "anonymous") throw unauthenticated();
  if (!can(actor.role, permission)) {
    throw forbidden(`Your role (${actor.role}) does not allow ${permission}`);
  }
}
