import type { IncomingMessage, ServerResponse } from "node:http";
import { createCtx } from "../context";
import { isAppError } from "../errors";
import type { FastPath } from "../http/fast-path";
import { clientIp } from "../http/client-ip";
import { toProblem } from "../http/problem";
import { consume } from "../http/rate-limit";
import { confirmSubscription, subscribe, unsubscribe } from "../comms/subscribe";
import { html, type SafeHtml } from "./html";
import { CSS_PATH, CSS_VERSION } from "./render-page";

// Public, JavaScript-free subscription endpoints: the page's forms post here (urlencoded), API
// clients post JSON. Confirmation and unsubscribe links from emails land here too.

const MAX_BODY = 16_384;

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error("Body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function page(res: ServerResponse, status: number, title: string, body: SafeHtml): void {
  const text = `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="${CSS_PATH}?v=${CSS_VERSION}" />
      </head>
      <body>
        <main class="wrap">
          <h1>${title}</h1>
          <div class="card subscribe">${body}</div>
          <p><a href="/status">Back to the status page</a></p>
        </main>
      </body>
    </html>`.value
  }`;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(text);
}

function json(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(text);
}

async function handleSubscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const isJson = (req.headers["content-type"] ?? "").includes("json");
  const ip = clientIp({ get: (name) => String(req.headers[name] ?? "") || null });
  const ctx = createCtx({ type: "anonymous" }, { ip });
  try {
    // Each subscription can send an email: the one public write is limited per client.
    await consume("publicSubscribe", ip ?? "unknown");
    const raw = await readBody(req);
    let input: unknown;
    if (isJson) input = JSON.parse(raw || "{}");
    else {
      const form = new URLSearchParams(raw);
      input = { ...Object.fromEntries(form), componentIds: form.getAll("componentIds") };
    }
    const result = await subscribe({ ctx, input });
    if (isJson) return json(res, 201, result);
    if (result.channel === "webhook") {
      return page(
        res,
        201,
        "Webhook subscribed",
        html`<p>
            Deliveries are signed per Standard Webhooks. Your signing secret, shown only once:
          </p>
          <p class="secret">${result.secret}</p>
          <p class="hint">
            Store it now; verify each delivery's webhook-signature header with it.
          </p>`,
      );
    }
    return page(
      res,
      201,
      "Check your inbox",
      html`<p>We sent you a link to confirm the subscription.</p>`,
    );
  } catch (error) {
    const problem = toProblem(error, ctx.requestId);
    if (!isAppError(error) && problem.status === 500)
      ctx.log.error({ err: error }, "subscribe failed");
    if (problem.status === 429 && isAppError(error) && error.extra.retryAfterSeconds) {
      res.setHeader("retry-after", String(error.extra.retryAfterSeconds));
    }
    if (isJson) return json(res, problem.status, problem, "application/problem+json");
    const items = (problem.errors ?? [{ path: "", message: problem.detail }]).map(
      (e) => html`<li>${e.path ? `${e.path}: ` : ""}${e.message}</li>`,
    );
    page(
      res,
      problem.status,
      "Subscription not saved",
      html`<ul>
        ${items}
      </ul>`,
    );
  }
}

function tokenRoute(action: (token: string) => Promise<boolean>, ok: string, bad: string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("token") ?? "";
    const done = await action(token).catch(() => false);
    page(
      res,
      done ? 200 : 404,
      done ? ok : bad,
      html`<p>${done ? "Done." : "This link is invalid or was already used."}</p>`,
    );
  };
}

export function registerSubscribeRoutes(fastPath: FastPath): void {
  fastPath.add("/status/subscribe", handleSubscribe);
  fastPath.add(
    "/status/confirm",
    tokenRoute(confirmSubscription, "Subscription confirmed", "Link not valid"),
  );
  fastPath.add(
    "/status/unsubscribe",
    tokenRoute(unsubscribe, "You are unsubscribed", "Link not valid"),
  );
}
