import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createCtx, systemCtx } from "../context";
import { userCtx } from "../../test/factories";
import { createComponent } from "../status";
import {
  confirmSubscription,
  deliverOutbox,
  publishIncident,
  retryOutboxMessage,
  subscribe,
  unsubscribe,
} from ".";
import { listOutbox } from "./outbox-admin";

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-subs-"));
const anon = () => createCtx({ type: "anonymous" });

type Received = { id: string; body: unknown };

/** A webhook receiver that verifies every delivery with the real standardwebhooks library. */
async function receiver(secret: () => string, answers: number[]) {
  const accepted: Received[] = [];
  const attempts: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
      );
      const verified = new Webhook(secret()).verify(raw, headers);
      attempts.push(headers["webhook-id"]!);
      const status = answers.shift() ?? 200;
      if (status >= 200 && status < 300)
        accepted.push({ id: headers["webhook-id"]!, body: verified });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, accepted, attempts, close: () => server.close() };
}

const mails: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    let text = "";
    stream.on("data", (c: Buffer) => (text += c.toString()));
    stream.on("end", () => {
      mails.push(text);
      callback();
    });
  },
});

async function drain(untilMs: number, stepMs = 3 * 3_600_000) {
  for (let t = Date.now(); t <= Date.now() + untilMs; t += stepMs) {
    await deliverOutbox(systemCtx("test"), new Date(t));
  }
}

describe("subscribers and the outbox", () => {
  let componentId: string;

  beforeAll(async () => {
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const port = (smtp.server.address() as AddressInfo).port;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const admin = await userCtx("admin");
    componentId = (
      await createComponent({ ctx: admin, input: { name: `API ${randomUUID().slice(0, 6)}` } })
    ).id;
  });
  afterAll(() => smtp.close());

  it("retries a failing webhook with the same id and accepts exactly one delivery; 410 disables", async () => {
    let flakySecret = "";
    let goneSecret = "";
    const flaky = await receiver(() => flakySecret, [500, 500, 500, 200]);
    const gone = await receiver(() => goneSecret, [410]);
    const a = await subscribe({
      ctx: anon(),
      input: { channel: "webhook", webhookUrl: flaky.url, componentIds: [componentId] },
    });
    const b = await subscribe({ ctx: anon(), input: { channel: "webhook", webhookUrl: gone.url } });
    if (a.channel !== "webhook" || b.channel !== "webhook") throw new Error("expected webhooks");
    expect(a.secret).toMatch(/^whsec_/);
    flakySecret = a.secret;
    goneSecret = b.secret;

    await publishIncident({
      // A notice linked to no incident is published by an admin.
      ctx: await userCtx("admin"),
      input: {
        name: "API errors",
        body: "Elevated errors on the API.",
        componentChanges: { [componentId]: "degraded_performance" },
      },
    });
    await drain(24 * 3_600_000);

    expect(flaky.attempts).toHaveLength(4);
    expect(new Set(flaky.attempts).size).toBe(1);
    expect(flaky.accepted).toHaveLength(1);
    expect(flaky.accepted[0]!.body).toMatchObject({
      type: "incident.created",
      data: { incident: { name: "API errors" } },
    });
    const delivered = await db().outboxMessage.findFirstOrThrow({ where: { subscriberId: a.id } });
    expect(delivered).toMatchObject({ status: "delivered", attempts: 4 });

    expect(gone.attempts).toHaveLength(1);
    const disabled = await db().subscriber.findUniqueOrThrow({ where: { id: b.id } });
    expect(disabled.disabledAt).not.toBeNull();
    const dead = await db().outboxMessage.findFirstOrThrow({ where: { subscriberId: b.id } });
    expect(dead.status).toBe("dead");
    const admin = await userCtx("admin");
    const listed = await listOutbox(admin);
    expect(listed.items.some((i) => i.id === dead.id && i.status === "dead")).toBe(true);
    flaky.close();
    gone.close();
  });

  it("dead-letters after 24 h of failures, and a retry keeps the webhook-id", async () => {
    let secret = "";
    const down = await receiver(
      () => secret,
      Array.from({ length: 40 }, () => 503),
    );
    const s = await subscribe({
      ctx: anon(),
      input: { channel: "webhook", webhookUrl: down.url, componentIds: [componentId] },
    });
    if (s.channel !== "webhook") throw new Error("expected webhook");
    secret = s.secret;
    await publishIncident({
      // A notice linked to no incident is published by an admin.
      ctx: await userCtx("admin"),
      input: {
        name: "API slow",
        body: "Slow responses.",
        componentChanges: { [componentId]: "degraded_performance" },
      },
    });
    await drain(30 * 3_600_000, 2 * 3_600_000);
    const msg = await db().outboxMessage.findFirstOrThrow({ where: { subscriberId: s.id } });
    expect(msg.status).toBe("dead");
    expect(msg.attempts).toBeGreaterThan(5);
    const admin = await userCtx("admin");
    await expect(
      retryOutboxMessage({ ctx: await userCtx("responder"), input: { id: msg.id } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await retryOutboxMessage({ ctx: admin, input: { id: msg.id } });
    await deliverOutbox(systemCtx("test"));
    expect(new Set(down.attempts).size).toBe(1);
    down.close();
  });

  it("emails need double opt-in and carry an unsubscribe link", async () => {
    const email = `c-${randomUUID().slice(0, 6)}@example.com`;
    const sub = await subscribe({ ctx: anon(), input: { channel: "email", email } });
    await deliverOutbox(systemCtx("test"));
    const confirmMail = mails.find(
      (m) => m.includes(email) && m.includes("/status/confirm?token="),
    );
    expect(confirmMail).toBeDefined();
    const token = /confirm\?token=([\w-]+)/.exec(
      confirmMail!.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
    )![1]!;
    expect(await confirmSubscription("wrong")).toBe(false);
    expect(await confirmSubscription(token)).toBe(true);

    await publishIncident({
      // A notice linked to no incident is published by an admin.
      ctx: await userCtx("admin"),
      input: { name: "Login issues", body: "New logins may fail." },
    });
    await deliverOutbox(systemCtx("test"));
    const update = mails.find((m) => m.includes(email) && m.includes("New logins may fail"));
    expect(update).toBeDefined();
    const unsub = /unsubscribe\?token=([\w-]+)/.exec(
      update!.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
    )![1]!;
    expect(await unsubscribe(unsub)).toBe(true);
    const row = await db().subscriber.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.disabledAt).not.toBeNull();
  });
});
