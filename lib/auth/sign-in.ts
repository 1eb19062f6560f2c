import { db } from "../db";
import { createCtx, type Actor } from "../context";
import { writeAudit } from "../audit/write-audit";
import { logger } from "../logger";
import { blockedFor, forgive, penalise } from "../http/rate-limit";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { authenticate } from "./users";

// Password sign-in with brute-force protection and an audit row for every outcome. Budgets count
// failures only: per account (10 a minute) and per client IP (30 a minute, across accounts).

export class SignInRateLimited extends Error {
  constructor() {
    // next-auth puts this message in the error redirect: ?error=RateLimited.
    super("RateLimited");
    this.name = "SignInRateLimited";
  }
}

type Where = { ip?: string; userAgent?: string };

export function whereFrom(headers: unknown): Where {
  const h = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return {
    ip: one(h[CLIENT_IP_HEADER])?.slice(0, 64) || undefined,
    userAgent: one(h["user-agent"])?.slice(0, 512) || undefined,
  };
}

export async function auditSignIn(
  actor: Actor,
  where: Where,
  action: "auth.signin" | "auth.signin.failed" | "auth.signin.limited" | "auth.signout",
  after: Record<string, unknown>,
): Promise<void> {
  const ctx = createCtx(actor, where);
  await db()
    .$transaction((tx) =>
      writeAudit(tx, ctx, {
        action,
        entityType: "user",
        entityId: actor.type === "user" ? actor.id : undefined,
        after,
      }),
    )
    .catch((error: unknown) => logger().error({ err: error, action }, "audit write failed"));
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Checks an email and password; throws SignInRateLimited once a budget is spent. */
export async function signInWithPassword(email: string, password: string, where: Where) {
  const account = accountKey(email);
  const ip = where.ip ?? "unknown";
  const wait = Math.max(
    await blockedFor("signinAccount", account),
    await blockedFor("signinIp", ip),
  );
  if (wait > 0) {
    logger().warn({ event: "signin.limited", ip, retryAfterSeconds: wait }, "sign-in rate limited");
    await auditSignIn({ type: "anonymous" }, where, "auth.signin.limited", {
      email: account.slice(0, 320),
      retryAfterSeconds: wait,
    });
    throw new SignInRateLimited();
  }
  const user = await authenticate(email, password);
  if (!user) {
    await penalise("signinAccount", account);
    await penalise("signinIp", ip);
    logger().info({ event: "signin.failure", ip }, "failed sign-in");
    await auditSignIn({ type: "anonymous" }, where, "auth.signin.failed", {
      email: account.slice(0, 320),
    });
    return null;
  }
  await forgive("signinAccount", account);
  logger().info({ event: "signin.success", userId: user.id }, "sign-in");
  await auditSignIn(
    { type: "user", id: user.id, name: user.name, email: user.email, role: user.role },
    where,
    "auth.signin",
    { method: "password" },
  );
  return user;
}
