import { db } from "../db";
import { createCtx, type Ctx } from "../context";
import { writeAudit } from "../audit/write-audit";
import { disconnectUser } from "../realtime/broadcast";

/**
 * Ends every session and socket of a user: their JWTs carry the old sessionVersion, which
 * actorFromClaims then refuses; open sockets are dropped now rather than at next use.
 */
export async function bumpSessionVersion(
  userId: string,
  action: string,
  ctx: Ctx = createCtx({ type: "system", name: "auth" }),
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 0) return;
    await writeAudit(tx, ctx, { action, entityType: "user", entityId: userId });
  });
  disconnectUser(userId);
}
