import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import { authorize, createCtx, type Ctx } from "../context";
import { conflict, fieldErrorsFromZod, notFound, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password";
import { publicUrl } from "../env";
import { AcceptInviteInput, InviteUserInput, type InviteDto } from "./schemas";

// Admins invite people; the link's secret is shown once (in the fragment, so it never reaches
// server logs or Referer headers) and the person sets their first password with it.

const INVITE_DAYS = 7;
const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

type Row = Awaited<ReturnType<typeof findInvites>>[number];
const findInvites = () =>
  db().invite.findMany({
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });

function toDto(i: Row): InviteDto {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    invitedBy: i.invitedBy?.name ?? null,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    revokedAt: i.revokedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

export async function listInvites(ctx: Ctx): Promise<InviteDto[]> {
  authorize(ctx, "admin.users");
  return (await findInvites()).map(toDto);
}

export async function inviteUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  authorize(ctx, "admin.users");
  const parsed = InviteUserInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const email = parsed.data.email.trim().toLowerCase();
  const secret = `inv_${randomBytes(24).toString("base64url")}`;
  const invite = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) {
      throw validationError([{ path: "email", message: "Someone already has this email" }]);
    }
    const created = await tx.invite.create({
      data: {
        email,
        name: parsed.data.name,
        role: parsed.data.role,
        tokenHash: hashOf(secret),
        invitedById: ctx.actor.type === "user" ? ctx.actor.id : null,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
      },
      include: { invitedBy: { select: { name: true } } },
    });
    await writeAudit(tx, ctx, {
      action: "user.invite",
      entityType: "invite",
      entityId: created.id,
      after: { email, name: created.name, role: created.role, expiresAt: created.expiresAt },
    });
    return created;
  });
  return { invite: toDto(invite), link: `${publicUrl()}/invite#token=${secret}` };
}

export async function revokeInvite({ ctx, id }: { ctx: Ctx; id: string }): Promise<InviteDto> {
  authorize(ctx, "admin.users");
  if (!z.uuid().safeParse(id).success) throw notFound("Invite");
  const row = await db().$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { id, revokedAt: null, acceptedAt: null },
      data: { revokedAt: new Date() },
    });
    const current = await tx.invite.findUnique({
      where: { id },
      include: { invitedBy: { select: { name: true } } },
    });
    if (!current) throw notFound("Invite");
    if (count === 0) throw conflict("This invite was already used or revoked", toDto(current));
    await writeAudit(tx, ctx, {
      action: "user.invite.revoke",
      entityType: "invite",
      entityId: id,
      after: { email: current.email },
    });
    return current;
  });
  return toDto(row);
}

/** Public: the invited person sets a first password; the invite is claimed exactly once. */
export async function acceptInvite({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = AcceptInviteInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  const invalid = () =>
    validationError([{ path: "token", message: "This invite link is invalid or has expired" }]);
  const user = await db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashOf(parsed.data.token) } });
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) {
      throw invalid();
    }
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw invalid();
    if (await tx.user.findUnique({ where: { email: invite.email } })) throw invalid();
    const created = await tx.user.create({
      data: { email: invite.email, name: invite.name, role: invite.role, passwordHash },
    });
    const actor = {
      type: "user" as const,
      id: created.id,
      name: created.name,
      email: created.email,
      role: created.role,
    };
    await writeAudit(tx, createCtx(actor, { ip: ctx.ip, userAgent: ctx.userAgent }), {
      action: "user.invite.accept",
      entityType: "user",
      entityId: created.id,
      after: { email: created.email, name: created.name, role: created.role, inviteId: invite.id },
    });
    return created;
  });
  return { id: user.id, email: user.email, name: user.name };
}
