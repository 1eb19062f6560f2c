import { db } from "../db";
import type { Actor } from "../context";
import { verifyPassword } from "./password";
import { isPastAbsoluteLifetime } from "./session-lifetime";

export type SessionClaims = { uid: string; sv: number; at: number };

/** Email + password check for the sign-in form. Returns the user or null; never says which part was wrong. */
export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const isValid = await verifyPassword(user?.passwordHash, password);
  if (!user || !isValid || user.disabledAt) return null;
  return user;
}

/**
 * Resolves session claims to a live actor. The database is the authority: a disabled user, or one
 * whose sessions were ended (sessionVersion bumped), gets nothing.
 */
export async function actorFromClaims(
  claims: Partial<SessionClaims> | null,
): Promise<Actor | null> {
  if (!claims?.uid || typeof claims.sv !== "number") return null;
  if (isPastAbsoluteLifetime(claims.at)) return null;
  const user = await db().user.findUnique({ where: { id: claims.uid } });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sv) return null;
  return { type: "user", id: user.id, name: user.name, email: user.email, role: user.role };
}
