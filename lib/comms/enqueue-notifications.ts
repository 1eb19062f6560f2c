import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { publicUrl } from "../env";

// Writes one outbox row per interested subscriber, inside the transaction that made the change:
// the notification exists exactly when the change does.

export type NotificationEvent =
  "incident.created" | "incident.updated" | "maintenance.scheduled" | "maintenance.updated";

export type NotificationInput = {
  event: NotificationEvent;
  statusIncident: { id: string; name: string; status: string; impact: string; kind: string };
  update: { id: string; status: string; body: string; createdAt: Date; nextUpdateBy: Date | null };
  components: { id: string; name: string; status: string }[];
};

export function notificationPayload(input: NotificationInput, at: Date) {
  const base = publicUrl();
  return {
    type: input.event,
    timestamp: at.toISOString(),
    data: {
      page: { url: `${base}/status` },
      incident: {
        id: input.statusIncident.id,
        name: input.statusIncident.name,
        status: input.statusIncident.status,
        impact:
          input.statusIncident.kind === "maintenance" ? "maintenance" : input.statusIncident.impact,
        shortlink: `${base}/status#incident-${input.statusIncident.id}`,
      },
      update: {
        id: input.update.id,
        status: input.update.status,
        body: input.update.body,
        created_at: input.update.createdAt.toISOString(),
        next_update_by: input.update.nextUpdateBy?.toISOString() ?? null,
      },
      components: input.components,
    },
  };
}

export async function enqueueNotifications(tx: Tx, input: NotificationInput): Promise<number> {
  const componentIds = input.components.map((c) => c.id);
  const subscribers = await tx.subscriber.findMany({
    where: {
      confirmedAt: { not: null },
      disabledAt: null,
      OR: [{ componentIds: { isEmpty: true } }, { componentIds: { hasSome: componentIds } }],
    },
    select: { id: true, channel: true },
  });
  if (!subscribers.length) return 0;
  const now = new Date();
  const payload = notificationPayload(input, now) as Prisma.InputJsonObject;
  await tx.outboxMessage.createMany({
    data: subscribers.map((s) => ({
      subscriberId: s.id,
      channel: s.channel,
      event: input.event,
      payload,
      nextAttemptAt: now,
    })),
  });
  return subscribers.length;
}
