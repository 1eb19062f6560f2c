// Retry schedule for outbox deliveries: exponential from 30 s, capped at 2 h, with ±20 % jitter,
// until the message is at least 24 h old; then it is dead-lettered (and retryable by hand).

export const RETRY_WINDOW_MS = 24 * 3_600_000;
const BASE_MS = 30_000;
const CAP_MS = 2 * 3_600_000;

export function nextDelayMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

export function shouldGiveUp(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= RETRY_WINDOW_MS;
}
