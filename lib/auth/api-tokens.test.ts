import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from "./api-tokens";

describe("api tokens", () => {
  it("shows the secret once, stores only its hash, verifies and revokes", async () => {
    const ctx = await userCtx("admin");
    const { token, secret } = await createApiToken({ ctx, input: { name: "checkout-service" } });
    expect(secret).toMatch(/^wr_/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).not.toContain(secret);
    expect(row.prefix).toBe(secret.slice(0, 10));
    expect(JSON.stringify(await listApiTokens(ctx))).not.toContain(secret);

    expect(await verifyApiToken(secret, "flags:read")).toEqual({
      ok: true,
      id: token.id,
      name: "checkout-service",
      scopes: ["flags:read"],
    });
    expect(await verifyApiToken(secret, "incidents:write")).toMatchObject({
      ok: false,
      status: 403,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(
      (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt,
    ).not.toBeNull();
    expect(await verifyApiToken(`${secret}x`, "flags:read")).toMatchObject({
      ok: false,
      status: 401,
    });

    await revokeApiToken({ ctx, id: token.id });
    expect(await verifyApiToken(secret, "flags:read")).toMatchObject({ ok: false, status: 401 });
    await expect(revokeApiToken({ ctx, id: token.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await db().auditLog.count({ where: { entityId: token.id } })).toBe(2);
  });

  it("rejects a role without permission and names invalid fields", async () => {
    await expect(
      createApiToken({ ctx: await userCtx("responder"), input: { name: "x y" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const admin = await userCtx("admin");
    await expect(
      createApiToken({ ctx: admin, input: { name: "", scopes: ["root"] } }),
    ).rejects.toMatchObject({
      code: "validation",
      extra: {
        fields: expect.arrayContaining([
          expect.objectContaining({ path: "name" }),
          expect.objectContaining({ path: "scopes.0" }),
        ]) as unknown,
      },
    });
  });
});
