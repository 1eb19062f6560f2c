import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastPath } from "../http/fast-path";
import { checkApiTokenCached, verifyApiToken, type TokenCheck } from "../auth/api-tokens";
import { EVENTS_PATH, flagSnapshot, onFlagSnapshot } from "./snapshot";

// OpenFeature Remote Evaluation Protocol v1 on the fast path, from the in-memory snapshot.
// Never a 429: one 429 pauses every evaluation of an OFREP client until Retry-After.

const MAX_BODY = 64 * 1024;
const MAX_STREAMS = 2_000;
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag",
};
const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store", ...CORS };

function send(res: ServerResponse, status: number, body: Buffer | object, extra = {}): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...JSON_HEADERS, "content-length": bytes.length, ...extra });
  res.end(bytes);
}

function credential(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim() || null;
  const key = req.headers["x-api-key"];
  return typeof key === "string" && key ? key : null;
}

/** Synchronous when the token is cached (the hot path); answers 401/403 itself on failure. */
function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  then: () => void,
): void | Promise<void> {
  const secret = credential(req);
  if (!secret) {
    return send(res, 401, {
      errorDetails: "Send an API token as Authorization: Bearer or X-API-Key",
    });
  }
  const finish = (result: TokenCheck) =>
    result.ok ? then() : send(res, result.status, { errorDetails: result.reason });
  const cached = checkApiTokenCached(secret, "flags:read");
  if (cached) return finish(cached);
  return verifyApiToken(secret, "flags:read").then(finish);
}

function readBody(req: IncomingMessage, done: (text: string | null) => void): void {
  let size = 0;
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on("end", () =>
    done(
      size > MAX_BODY
        ? null
        : chunks.length === 1
          ? chunks[0]!.toString("utf8")
          : Buffer.concat(chunks).toString("utf8"),
    ),
  );
  req.on("error", () => done(null));
}

type Parsed =
  { ok: true } | { ok: false; errorCode: "PARSE_ERROR" | "INVALID_CONTEXT"; errorDetails: string };

/** The request is `{context?}`; these flags do not target, so a valid context is all we need. */
function parseRequest(text: string | null): Parsed {
  if (text === null)
    return { ok: false, errorCode: "PARSE_ERROR", errorDetails: "Body over 64 KiB" };
  if (!text.trim()) return { ok: true };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, errorCode: "PARSE_ERROR", errorDetails: "Body is not valid JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, errorCode: "PARSE_ERROR", errorDetails: "Body must be a JSON object" };
  }
  const context = (body as { context?: unknown }).context;
  if (
    context !== undefined &&
    (typeof context !== "object" || context === null || Array.isArray(context))
  ) {
    return { ok: false, errorCode: "INVALID_CONTEXT", errorDetails: "context must be an object" };
  }
  const targetingKey = (context as { targetingKey?: unknown } | undefined)?.targetingKey;
  if (targetingKey !== undefined && typeof targetingKey !== "string") {
    return {
      ok: false,
      errorCode: "INVALID_CONTEXT",
      errorDetails: "context.targetingKey must be a string",
    };
  }
  return { ok: true };
}

function evaluateOne(req: IncomingMessage, res: ServerResponse, key: string) {
  return authenticate(req, res, () =>
    readBody(req, (text) => {
      const parsed = parseRequest(text);
      if (!parsed.ok) {
        return send(res, 400, {
          key,
          errorCode: parsed.errorCode,
          errorDetails: parsed.errorDetails,
        });
      }
      const snapshot = flagSnapshot();
      if (!snapshot) {
        return send(res, 500, { key, errorCode: "GENERAL", errorDetails: "Flags not loaded yet" });
      }
      const bytes = snapshot.single.get(key);
      if (!bytes) {
        return send(res, 404, { key, errorCode: "FLAG_NOT_FOUND", errorDetails: `No flag ${key}` });
      }
      send(res, 200, bytes);
    }),
  );
}

/** These flags do not vary by context, so a matching validator gets 304 before the body is read. */
function evaluateAll(req: IncomingMessage, res: ServerResponse) {
  return authenticate(req, res, () => {
    const snapshot = flagSnapshot();
    if (!snapshot)
      return send(res, 500, { errorCode: "GENERAL", errorDetails: "Flags not loaded yet" });
    const match = req.headers["if-none-match"];
    if (
      match &&
      (match === snapshot.etag ||
        match.split(",").some((t) => t.trim().replace(/^W\//, "") === snapshot.etag))
    ) {
      res.writeHead(304, { etag: snapshot.etag, "cache-control": "no-store", ...CORS });
      res.end();
      return;
    }
    readBody(req, (text) => {
      const parsed = parseRequest(text);
      if (!parsed.ok)
        return send(res, 400, { errorCode: parsed.errorCode, errorDetails: parsed.errorDetails });
      send(res, 200, snapshot.bulk, { etag: snapshot.etag });
    });
  });
}

let streams = 0;

/** SSE: a `refetchEvaluation` message (OFREP eventStreams) after each change. Carries no values. */
function eventStream(req: IncomingMessage, res: ServerResponse) {
  if (streams >= MAX_STREAMS) {
    res.writeHead(503, { "retry-after": "5", ...CORS });
    res.end();
    return;
  }
  streams++;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    ...CORS,
  });
  const write = (etag: string) =>
    res.write(`event: message\ndata: ${JSON.stringify({ type: "refetchEvaluation", etag })}\n\n`);
  const current = flagSnapshot();
  res.write("retry: 2000\n\n");
  if (current) write(current.etag);
  const off = onFlagSnapshot((s) => write(s.etag));
  const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
  req.on("close", () => {
    streams--;
    off();
    clearInterval(ping);
  });
}

export function registerOfrep(fastPath: FastPath): void {
  fastPath.addPrefix("/ofrep/v1/", (req, res, { path, rest }) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...CORS,
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": "Authorization, X-API-Key, Content-Type, If-None-Match",
        "access-control-max-age": "86400",
      });
      res.end();
      return;
    }
    if (path === EVENTS_PATH && req.method === "GET") return eventStream(req, res);
    const isBulk = rest === "evaluate/flags";
    const isOne = rest.startsWith("evaluate/flags/") && rest.length > "evaluate/flags/".length;
    if (!isBulk && !isOne)
      return send(res, 404, { errorCode: "GENERAL", errorDetails: "Not an OFREP path" });
    if (req.method !== "POST")
      return send(res, 405, { errorDetails: "Use POST" }, { allow: "POST" });
    if (isBulk) return evaluateAll(req, res);
    let key: string;
    try {
      key = decodeURIComponent(rest.slice("evaluate/flags/".length));
    } catch {
      return send(res, 400, { key: rest, errorCode: "PARSE_ERROR", errorDetails: "Bad flag key" });
    }
    return evaluateOne(req, res, key);
  });
}
