import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createSharedLimiter } from "./rate-limit";

// Two instances on one PostgreSQL spend from one budget (the rate_limits table).

describe.skipIf(inject("databaseMode") !== "postgresql")("shared rate limits", () => {
  it("counts requests to either instance against the same budget", async () => {
    const poolA = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    const poolB = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    try {
      const a = createSharedLimiter(poolA, "signinAccount", 3);
      const b = createSharedLimiter(poolB, "signinAccount", 3);
      const key = `user-${randomUUID()}`;
      await a.consume(key);
      await b.consume(key);
      await a.consume(key);
      await expect(b.consume(key)).rejects.toMatchObject({ remainingPoints: 0 });
      expect((await a.get(key))?.consumedPoints).toBe(4);
    } finally {
      await Promise.all([poolA.end(), poolB.end()]);
    }
  });
});
