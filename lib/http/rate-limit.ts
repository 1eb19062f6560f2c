import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { databaseMode, databaseUrl } from "../db";
import { AppError } from "../errors";
import { env } from "../env";
import { logger } from "../logger";

// Rate limits (rate-limiter-flexible). On PostgreSQL the budgets live in the rate_limits table,
// shared by every instance, with an in-memory limiter as insurance while the database is down;
// the embedded database has one process, so memory is exact there. Public reads on the fast
// path (status, feeds, OFREP) are never limited. The limiters live on globalThis because Next
// bundles route handlers apart from each other and from server.ts.

export const LIMITS = {
  /** Failed sign-ins per account: the 11th wrong password within a minute is refused. */
  signinAccount: { points: 10, duration: 60 },
  /** Failed sign-ins per client IP, across accounts (credential stuffing). */
  signinIp: { points: 30, duration: 60 },
  /** Writes per signed-in user (RATE_LIMIT_WRITES_PER_MINUTE overrides the points). */
  userWrites: { points: 120, duration: 60 },
  /** Requests per API token (reads and writes). */
  tokenUse: { points: 600, duration: 60 },
  /** Public subscriptions per client IP: each one may send a confirmation email. */
  publicSubscribe: { points: 10, duration: 3600 },
} as const;

export type LimitName = keyof typeof LIMITS;

type Slot = { warroomLimiters?: Map<LimitName, RateLimiterAbstract>; warroomLimiterPool?: pg.Pool };
const slot = globalThis as unknown as Slot;

/** A limiter over the shared table (exported for tests that play two instances). */
export function createSharedLimiter(
  pool: pg.Pool,
  name: LimitName,
  points: number,
): RateLimiterAbstract {
  const { duration } = LIMITS[name];
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true, // by a migration, so Prisma sees no drift
    keyPrefix: name,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
  });
}

function sharedPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  // An idle connection dropped by a database restart must not crash the process; the
  // insurance limiter covers requests until the database is back.
  pool.on("error", (error) => logger().warn({ err: error }, "rate-limit store connection lost"));
  return pool;
}

function limiter(name: LimitName): RateLimiterAbstract {
  slot.warroomLimiters ??= new Map();
  let found = slot.warroomLimiters.get(name);
  if (!found) {
    const points = name === "userWrites" ? env().RATE_LIMIT_WRITES_PER_MINUTE : LIMITS[name].points;
    if (databaseMode() === "postgresql") {
      slot.warroomLimiterPool ??= sharedPool();
      found = createSharedLimiter(slot.warroomLimiterPool, name, points);
    } else {
      found = new RateLimiterMemory({ keyPrefix: name, duration: LIMITS[name].duration, points });
    }
    slot.warroomLimiters.set(name, found);
  }
  return found;
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `Too many requests; retry in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Spends one point; throws 429 (and logs it) when the budget for this key is used up. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = secondsOf(error);
    logger().warn({ event: "rate_limited", limit: name, key, retryAfterSeconds }, "rate limited");
    throw rateLimited(retryAfterSeconds);
  }
}

/** Seconds to wait when the budget is already spent, else 0; spends nothing. */
export async function blockedFor(name: LimitName, key: string): Promise<number> {
  const res = await limiter(name).get(key);
  if (!res || res.consumedPoints < LIMITS[name].points) return 0;
  return secondsOf(res);
}

/** Records one failure against the budget (failed sign-ins); never throws. */
export async function penalise(name: LimitName, key: string): Promise<void> {
  await limiter(name)
    .penalty(key, 1)
    .catch(() => undefined);
}

export async function forgive(name: LimitName, key: string): Promise<void> {
  await limiter(name)
    .delete(key)
    .catch(() => undefined);
}

/** Test helper: forget every budget. */
export function resetRateLimits(): void {
  slot.warroomLimiters?.clear();
}
