import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { fieldErrorsFromZod, notFound, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { scheduler } from "../jobs/scheduler";

export type OutboxItemDto = {
  id: string;
  channel: string;
  event: string;
  status: string;
  attempts: number;
  lastError: string | null;
  target: string | null;
  createdAt: string;
  nextAttemptAt: string;
};

/** Dead letters and what is still pending, for the console. */
export async function listOutbox(ctx: Ctx) {
  authorize(ctx, "status.manage");
  const [items, counts, subscribers] = await Promise.all([
    db().outboxMessage.findMany({
      where: { status: { in: ["dead", "pending"] } },
      orderBy: { createdAt: "desc" },
      take: 100,
      include: { subscriber: { select: { email: true, webhookUrl: true } } },
    }),
    db().outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db().subscriber.groupBy({
      by: ["channel"],
      where: { disabledAt: null, confirmedAt: { not: null } },
      _count: { _all: true },
    }),
  ]);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
    subscribers: Object.fromEntries(subscribers.map((s) => [s.channel, s._count._all])),
    items: items.map((m): OutboxItemDto => ({
      id: m.id,
      channel: m.channel,
      event: m.event,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      target: m.subscriber?.webhookUrl ?? m.subscriber?.email ?? null,
      createdAt: m.createdAt.toISOString(),
      nextAttemptAt: m.nextAttemptAt.toISOString(),
    })),
  };
}

const RetryInput = z.object({ id: z.uuid("id must be an outbox message id") });

/** Puts a dead letter back in the queue, keeping its id (so its webhook-id is unchanged). */
export async function retryOutboxMessage({ ctx, input }: { ctx: Ctx; input: unknown }) {
  authorize(ctx, "status.manage");
  const parsed = RetryInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  await db().$transaction(async (tx) => {
    const changed = await tx.outboxMessage.updateMany({
      where: { id: parsed.data.id, status: "dead" },
      data: { status: "pending", nextAttemptAt: new Date(), attempts: 0, createdAt: new Date() },
    });
    if (changed.count === 0) throw notFound("A dead letter with this id");
    await writeAudit(tx, ctx, {
      action: "status.outbox.retry",
      entityType: "outbox_message",
      entityId: parsed.data.id,
    });
  });
  void scheduler().runNow("status.outbox");
  return { id: parsed.data.id, status: "pending" };
}
