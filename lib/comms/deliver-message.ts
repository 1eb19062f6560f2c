import { Webhook } from "standardwebhooks";
import type { OutboxMessage, Subscriber } from "../generated/prisma/client";
import { publicUrl } from "../env";
import { sendMail } from "./mailer";

// One delivery attempt. Returns what happened; the caller records it.

export type Outcome =
  { kind: "delivered" } | { kind: "gone"; error: string } | { kind: "failed"; error: string };

const TIMEOUT_MS = 10_000;

/** `webhook-id` is the outbox row id: stable across retries, so receivers can deduplicate. */
export async function deliverWebhook(
  message: OutboxMessage,
  subscriber: Subscriber,
): Promise<Outcome> {
  if (!subscriber.webhookUrl || !subscriber.secret)
    return { kind: "gone", error: "No webhook URL" };
  const body = JSON.stringify(message.payload);
  const msgId = `msg_${message.id}`;
  const at = new Date();
  const signature = new Webhook(subscriber.secret).sign(msgId, at, body);
  try {
    const response = await fetch(subscriber.webhookUrl, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Warroom-Webhooks/1.0",
        "webhook-id": msgId,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { kind: "delivered" };
    if (response.status === 410) return { kind: "gone", error: "410 Gone: endpoint disabled" };
    return { kind: "failed", error: `HTTP ${response.status}` };
  } catch (error) {
    return { kind: "failed", error: error instanceof Error ? error.message : String(error) };
  }
}

type Payload = {
  data?: { incident?: { name?: string; status?: string }; update?: { body?: string } };
  subject?: string;
  text?: string;
};

export async function deliverEmail(
  message: OutboxMessage,
  subscriber: Subscriber,
): Promise<Outcome> {
  if (!subscriber.email) return { kind: "gone", error: "No email address" };
  const p = message.payload as Payload;
  const unsubscribe = `${publicUrl()}/status/unsubscribe?token=${subscriber.unsubscribeToken}`;
  const subject =
    p.subject ??
    `[${p.data?.incident?.status ?? "update"}] ${p.data?.incident?.name ?? "Status update"}`;
  const text =
    (p.text ?? `${p.data?.update?.body ?? ""}\n\n${publicUrl()}/status`) +
    `\n\n--\nUnsubscribe: ${unsubscribe}\n`;
  try {
    await sendMail({ to: subscriber.email, subject, text });
    return { kind: "delivered" };
  } catch (error) {
    return { kind: "failed", error: error instanceof Error ? error.message : String(error) };
  }
}
