import { createHash } from "node:crypto";
import { db } from "../db";
import { AppError, conflict, isAppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

// Idempotency-Key semantics for writes: the same key and body replay the stored response, the
// same key with another body is 422, and a key whose first request is still running is 409.

export type StoredResponse = { status: number; body: unknown };

/** A first attempt that died mid-flight (crash, kill -9) may be retried after this long. */
const ABANDONED_AFTER_MS = 60_000;
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function hashRequest(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

async function claim(key: string, scope: string, requestHash: string): Promise<boolean> {
  const { count } = await db().idempotencyRecord.createMany({
    data: [{ key, scope, requestHash }],
    skipDuplicates: true,
  });
  if (count === 1) return true;
  const existing = await db().idempotencyRecord.findUnique({ where: { key } });
  if (!existing) return claim(key, scope, requestHash);
  if (existing.scope !== scope || existing.requestHash !== requestHash) {
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request; generate a new key for a new write",
    );
  }
  if (existing.state === "completed") return false;
  const takenOver = await db().idempotencyRecord.updateMany({
    where: {
      key,
      state: "in_flight",
      createdAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) },
    },
    data: { createdAt: new Date() },
  });
  if (takenOver.count === 1) return true;
  throw conflict("A request with this Idempotency-Key is still in progress; retry shortly");
}

/**
 * Runs `execute` at most once per key. Deterministic refusals (4xx other than 409/429) are stored
 * and replayed like successes; transient failures release the key so a retry can run.
 */
export async function runIdempotent(
  { key, scope, request }: { key: string; scope: string; request: unknown },
  execute: () => Promise<StoredResponse>,
  toRefusal: (error: AppError) => StoredResponse,
): Promise<StoredResponse & { isReplay: boolean }> {
  const requestHash = hashRequest(request);
  if (!(await claim(key, scope, requestHash))) {
    const stored = await db().idempotencyRecord.findUniqueOrThrow({ where: { key } });
    return { status: stored.responseStatus ?? 200, body: stored.responseBody, isReplay: true };
  }
  let response: StoredResponse;
  try {
    response = await execute();
  } catch (error) {
    const isFinal =
      isAppError(error) && error.status < 500 && error.status !== 409 && error.status !== 429;
    if (!isFinal) {
      await db().idempotencyRecord.deleteMany({ where: { key, state: "in_flight" } });
      throw error;
    }
    response = toRefusal(error);
  }
  await db().idempotencyRecord.update({
    where: { key },
    data: {
      state: "completed",
      responseStatus: response.status,
      responseBody: (response.body ?? {}) as Prisma.InputJsonValue,
      completedAt: new Date(),
    },
  });
  return { ...response, isReplay: false };
}
