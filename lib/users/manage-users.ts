import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { AppError, fieldErrorsFromZod, notFound, parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { disconnectUser } from "../realtime/broadcast";
import { ChangePasswordInput, UpdateUserInput, type AdminUserDto } from "./schemas";

const toDto = (u: {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
}): AdminUserDto => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsersForAdmin(ctx: Ctx): Promise<AdminUserDto[]> {
  authorize(ctx, "admin.users");
  const rows = await db().user.findMany({ orderBy: [{ disabledAt: "asc" }, { name: "asc" }] });
  return rows.map(toDto);
}

/**
 * Changes a user's org role or disables/re-enables them. Disabling ends their sessions (the
 * sessionVersion bump) and drops their open sockets at once. Admins cannot lock themselves out.
 */
export async function updateUser({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: unknown;
}): Promise<AdminUserDto> {
  authorize(ctx, "admin.users");
  const { role, isDisabled } = parseInput(UpdateUserInput, input);
  if (!z.uuid().safeParse(id).success) throw notFound("User");
  if (ctx.actor.type === "user" && ctx.actor.id === id && (isDisabled || role !== undefined)) {
    throw new AppError("unprocessable", "You cannot disable yourself or change your own role");
  }
  const updated = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound("User");
    const endsSessions = (isDisabled === true && !before.disabledAt) || role !== undefined;
    const after = await tx.user.update({
      where: { id },
      data: {
        ...(role !== undefined ? { role } : {}),
        ...(isDisabled !== undefined ? { disabledAt: isDisabled ? new Date() : null } : {}),
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    await writeAudit(tx, ctx, {
      action:
        isDisabled === true ? "user.disable" : isDisabled === false ? "user.enable" : "user.update",
      entityType: "user",
      entityId: id,
      before: { role: before.role, disabledAt: before.disabledAt },
      after: { role: after.role, disabledAt: after.disabledAt, sessionsEnded: endsSessions },
    });
    return { after, endsSessions };
  });
  if (updated.endsSessions) disconnectUser(id);
  ctx.log.info({ userId: id, isDisabled, role }, "user updated");
  return toDto(updated.after);
}

/** The signed-in user changes their password; every session (this one too) ends. */
export async function changePassword({ ctx, input }: { ctx: Ctx; input: unknown }) {
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "Only people have passwords");
  const parsed = ChangePasswordInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const userId = ctx.actor.id;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || !(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    throw validationError([{ path: "currentPassword", message: "This is not your password" }]);
  }
  if (parsed.data.newPassword === parsed.data.currentPassword) {
    throw validationError([{ path: "newPassword", message: "Choose a different password" }]);
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, ctx, {
      action: "user.password.change",
      entityType: "user",
      entityId: userId,
    });
  });
  disconnectUser(userId);
  return { ok: true };
}
