import { describe, expect, it } from "vitest";
import { blockedFor, consume, penalise, resetRateLimits } from "./rate-limit";

describe("rate limits", () => {
  it("refuses past the budget with 429 and a Retry-After, per key", async () => {
    resetRateLimits();
    for (let i = 0; i < 600; i++) await consume("tokenUse", "token-a");
    await expect(consume("tokenUse", "token-a")).rejects.toMatchObject({
      code: "rate_limited",
      extra: { retryAfterSeconds: expect.any(Number) as unknown },
    });
    await expect(consume("tokenUse", "token-b")).resolves.toBeUndefined();
  });

  it("counts failed sign-ins without spending on a check", async () => {
    resetRateLimits();
    for (let i = 0; i < 10; i++) {
      expect(await blockedFor("signinAccount", "someone@example.com")).toBe(0);
      await penalise("signinAccount", "someone@example.com");
    }
    expect(await blockedFor("signinAccount", "someone@example.com")).toBeGreaterThan(0);
    expect(await blockedFor("signinAccount", "other@example.com")).toBe(0);
  });
});
