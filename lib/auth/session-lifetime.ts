import { env } from "../env";

/** Sessions end SESSION_MAX_AGE_HOURS after sign-in however active (claim `at`, in seconds). */
export function isPastAbsoluteLifetime(signedInAtSeconds: unknown, now = Date.now()): boolean {
  if (typeof signedInAtSeconds !== "number") return true;
  return now - signedInAtSeconds * 1000 > env().SESSION_MAX_AGE_HOURS * 3_600_000;
}
