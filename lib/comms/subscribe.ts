import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../context";
import { parseInput, validationError } from "../errors";
import { publicUrl } from "../env";
import { writeAudit } from "../audit/write-audit";
import { scheduler } from "../jobs/scheduler";
import { isEmailEnabled } from "./mailer";

const componentIds = z
  .union([z.uuid(), z.array(z.uuid("component ids must be uuids"))])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const SubscribeInput = z.discriminatedUnion("channel", [
  z.object({
    channel: z.literal("email"),
    email: z.email("must be an email address").max(254),
    componentIds,
  }),
  z.object({
    channel: z.literal("webhook"),
    webhookUrl: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000),
    componentIds,
  }),
]);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const token = () => randomBytes(24).toString("base64url");

export type SubscribeResult =
  | { channel: "webhook"; id: string; secret: string }
  | { channel: "email"; id: string; pendingConfirmation: true };

/** Public: anyone may subscribe. A webhook secret is returned once and never shown again. */
export async function subscribe({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<SubscribeResult> {
  const data = parseInput(SubscribeInput, input);
  if (data.channel === "email" && !isEmailEnabled()) {
    throw validationError([{ path: "channel", message: "Email subscriptions are not available" }]);
  }
  const result = await db().$transaction(async (tx) => {
    const known = await tx.component.count({ where: { id: { in: data.componentIds } } });
    if (known !== data.componentIds.length) {
      throw validationError([{ path: "componentIds", message: "Unknown component id" }]);
    }
    if (data.channel === "webhook") {
      const secret = `whsec_${randomBytes(24).toString("base64")}`;
      const row = await tx.subscriber.create({
        data: {
          channel: "webhook",
          webhookUrl: data.webhookUrl,
          secret,
          componentIds: data.componentIds,
          unsubscribeToken: token(),
          confirmedAt: new Date(),
        },
      });
      await writeAudit(tx, ctx, {
        action: "status.subscribe",
        entityType: "subscriber",
        entityId: row.id,
        after: { channel: "webhook", webhookUrl: row.webhookUrl },
      });
      return { channel: "webhook" as const, id: row.id, secret };
    }
    const confirm = token();
    const row = await tx.subscriber.create({
      data: {
        channel: "email",
        email: data.email.toLowerCase(),
        componentIds: data.componentIds,
        confirmTokenHash: hashToken(confirm),
        unsubscribeToken: token(),
      },
    });
    const link = `${publicUrl()}/status/confirm?token=${confirm}`;
    await tx.outboxMessage.create({
      data: {
        subscriberId: row.id,
        channel: "email",
        event: "subscription.confirm",
        payload: {
          subject: "Confirm your status subscription",
          text: `Please confirm that you want status updates by email:\n\n${link}\n\nIf you did not ask for this, ignore this message.`,
        },
      },
    });
    await writeAudit(tx, ctx, {
      action: "status.subscribe",
      entityType: "subscriber",
      entityId: row.id,
      after: { channel: "email" },
    });
    return { channel: "email" as const, id: row.id, pendingConfirmation: true as const };
  });
  void scheduler().runNow("status.outbox");
  return result;
}

/** Double opt-in: the emailed link confirms the subscription. */
export async function confirmSubscription(rawToken: string): Promise<boolean> {
  if (!rawToken || rawToken.length > 100) return false;
  const result = await db().subscriber.updateMany({
    where: { confirmTokenHash: hashToken(rawToken), disabledAt: null },
    data: { confirmedAt: new Date(), confirmTokenHash: null },
  });
  return result.count === 1;
}

export async function unsubscribe(rawToken: string): Promise<boolean> {
  if (!rawToken || rawToken.length > 100) return false;
  const result = await db().subscriber.updateMany({
    where: { unsubscribeToken: rawToken, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  return result.count === 1;
}
