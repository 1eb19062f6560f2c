import { describe, expect, it } from "vitest";
import { env } from "../env";
import { createUser } from "../../test/factories";
import { actorFromClaims } from "./users";
import { isPastAbsoluteLifetime } from "./session-lifetime";

describe("session lifetime", () => {
  it("ends a session SESSION_MAX_AGE_HOURS after sign-in, however active", async () => {
    const hours = env().SESSION_MAX_AGE_HOURS;
    const now = Date.now();
    const seconds = (ms: number) => Math.floor(ms / 1000);
    expect(isPastAbsoluteLifetime(seconds(now - 60_000), now)).toBe(false);
    expect(isPastAbsoluteLifetime(seconds(now - hours * 3_600_000 - 1_000), now)).toBe(true);
    expect(isPastAbsoluteLifetime(undefined, now)).toBe(true);

    const user = await createUser("responder");
    const claims = { uid: user.id, sv: user.sessionVersion };
    expect(await actorFromClaims({ ...claims, at: seconds(now) })).toMatchObject({ id: user.id });
    expect(
      await actorFromClaims({ ...claims, at: seconds(now - hours * 3_600_000 - 1_000) }),
    ).toBeNull();
  });
});
