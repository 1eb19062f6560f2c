import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { nextDelayMs, shouldGiveUp } from "./backoff";
import { deliverEmail, deliverWebhook, type Outcome } from "./deliver-message";

const BATCH = 20;
const LEASE_MS = 60_000;

/**
 * Delivers due outbox messages. Each row is claimed by pushing nextAttemptAt past a lease with a
 * conditional update, so two workers never send one message at once; a crash mid-send retries
 * it after the lease with the same webhook-id.
 */
export async function deliverOutbox(ctx: Ctx, now: Date = new Date()): Promise<number> {
  authorize(ctx, "status.manage");
  const due = await db().outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    include: { subscriber: true },
  });
  let done = 0;
  for (const message of due) {
    const claimed = await db().outboxMessage.updateMany({
      where: { id: message.id, status: "pending", nextAttemptAt: message.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    const sub = message.subscriber;
    const outcome: Outcome =
      !sub || sub.disabledAt
        ? { kind: "gone", error: "Subscriber removed or disabled" }
        : message.channel === "email"
          ? await deliverEmail(message, sub)
          : await deliverWebhook(message, sub);
    const attempts = message.attempts + 1;
    if (outcome.kind === "delivered") {
      await db().outboxMessage.update({
        where: { id: message.id },
        data: { status: "delivered", attempts, deliveredAt: new Date(), lastError: null },
      });
      done += 1;
    } else if (outcome.kind === "gone") {
      await db().$transaction([
        db().outboxMessage.update({
          where: { id: message.id },
          data: { status: "dead", attempts, lastError: outcome.error },
        }),
        ...(sub && !sub.disabledAt
          ? [db().subscriber.update({ where: { id: sub.id }, data: { disabledAt: new Date() } })]
          : []),
      ]);
      ctx.log.warn({ subscriberId: sub?.id }, "webhook endpoint gone; subscriber disabled");
    } else {
      const isDead = shouldGiveUp(message.createdAt, now);
      await db().outboxMessage.update({
        where: { id: message.id },
        data: {
          status: isDead ? "dead" : "pending",
          attempts,
          lastError: outcome.error,
          nextAttemptAt: new Date(now.getTime() + nextDelayMs(attempts)),
        },
      });
    }
  }
  return done;
}
