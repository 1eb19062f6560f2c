import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createCtx } from "../context";
import { actorFromClaims, authenticate } from "../auth/users";
import { userCtx } from "../../test/factories";
import { acceptInvite, inviteUser, listInvites, revokeInvite } from "./invites";
import { changePassword, listUsersForAdmin, updateUser } from "./manage-users";

const secretOf = (link: string) => new URL(link).hash.replace("#token=", "");
const email = () => `new-${randomUUID().slice(0, 8)}@example.com`;

describe("users", () => {
  it("rejects a role without permission", async () => {
    const responder = await userCtx("responder");
    await expect(
      inviteUser({ ctx: responder, input: { email: email(), name: "Nope", role: "admin" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsersForAdmin(responder)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listInvites(responder)).rejects.toMatchObject({ code: "forbidden" });
    const target = await userCtx("viewer");
    if (target.actor.type !== "user") throw new Error("unreachable");
    await expect(
      updateUser({ ctx: responder, id: target.actor.id, input: { role: "admin" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.actor.id } })).role).toBe(
      "viewer",
    );
  });

  it("invites with a one-time link; the person sets a password; the link dies", async () => {
    const admin = await userCtx("admin");
    const address = email();
    const { invite, link } = await inviteUser({
      ctx: admin,
      input: { email: address.toUpperCase(), name: "Nia New", role: "responder" },
    });
    expect(invite.email).toBe(address);
    const stored = await db().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.tokenHash).not.toContain(secretOf(link));
    await expect(
      acceptInvite({
        ctx: createCtx({ type: "anonymous" }),
        input: { token: secretOf(link), password: "short" },
      }),
    ).rejects.toMatchObject({ code: "validation", extra: { fields: [{ path: "password" }] } });
    const user = await acceptInvite({
      ctx: createCtx({ type: "anonymous" }, { ip: "10.0.0.9" }),
      input: { token: secretOf(link), password: "a long first password" },
    });
    expect(await authenticate(address, "a long first password")).toMatchObject({ id: user.id });
    await expect(
      acceptInvite({
        ctx: createCtx({ type: "anonymous" }),
        input: { token: secretOf(link), password: "another long password" },
      }),
    ).rejects.toMatchObject({ code: "validation", extra: { fields: [{ path: "token" }] } });
    const audit = await db().auditLog.findMany({
      where: { OR: [{ entityId: invite.id }, { entityId: user.id }] },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["user.invite", "user.invite.accept"]);
    expect(audit[1]?.ip).toBe("10.0.0.9");
    await expect(
      inviteUser({ ctx: admin, input: { email: address, name: "Again", role: "viewer" } }),
    ).rejects.toMatchObject({ code: "validation", extra: { fields: [{ path: "email" }] } });
  });

  it("a revoked invite cannot be used", async () => {
    const admin = await userCtx("admin");
    const { invite, link } = await inviteUser({
      ctx: admin,
      input: { email: email(), name: "Rex Revoked", role: "viewer" },
    });
    await revokeInvite({ ctx: admin, id: invite.id });
    await expect(
      acceptInvite({
        ctx: createCtx({ type: "anonymous" }),
        input: { token: secretOf(link), password: "a long first password" },
      }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("disabling a user ends their sessions at once; admins cannot disable themselves", async () => {
    const admin = await userCtx("admin");
    const target = await userCtx("responder");
    if (target.actor.type !== "user" || admin.actor.type !== "user") throw new Error("unreachable");
    const row = await db().user.findUniqueOrThrow({ where: { id: target.actor.id } });
    const claims = { uid: row.id, sv: row.sessionVersion, at: Math.floor(Date.now() / 1000) };
    expect(await actorFromClaims(claims)).toMatchObject({ id: row.id });
    const updated = await updateUser({ ctx: admin, id: row.id, input: { isDisabled: true } });
    expect(updated.disabledAt).not.toBeNull();
    expect(await actorFromClaims(claims)).toBeNull();
    await updateUser({ ctx: admin, id: row.id, input: { isDisabled: false } });
    // Re-enabling does not revive the old session: it was ended, not paused.
    expect(await actorFromClaims(claims)).toBeNull();
    await expect(
      updateUser({ ctx: admin, id: admin.actor.id, input: { isDisabled: true } }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const actions = await db().auditLog.findMany({
      where: { entityId: row.id },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("changes a password only with the current one, and ends sessions", async () => {
    const admin = await userCtx("admin");
    const { link } = await inviteUser({
      ctx: admin,
      input: { email: email(), name: "Pat Password", role: "responder" },
    });
    const created = await acceptInvite({
      ctx: createCtx({ type: "anonymous" }),
      input: { token: secretOf(link), password: "the first password" },
    });
    const row = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    const ctx = createCtx({
      type: "user",
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
    });
    await expect(
      changePassword({
        ctx,
        input: { currentPassword: "wrong", newPassword: "the second password" },
      }),
    ).rejects.toMatchObject({ extra: { fields: [{ path: "currentPassword" }] } });
    await changePassword({
      ctx,
      input: { currentPassword: "the first password", newPassword: "the second password" },
    });
    expect(await authenticate(row.email, "the first password")).toBeNull();
    expect(await authenticate(row.email, "the second password")).not.toBeNull();
    const claims = { uid: row.id, sv: row.sessionVersion, at: Math.floor(Date.now() / 1000) };
    expect(await actorFromClaims(claims)).toBeNull();
  });
});
