import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { currentActor } from "../auth/session";
import { createCtx, type Actor, type Ctx } from "../context";
import { AppError, isAppError, parseInput, unauthenticated, validationError } from "../errors";
import { verifyApiToken } from "../auth/api-tokens";
import type { ApiTokenScope } from "../auth/permissions";
import { publicUrl } from "../env";
import { logger } from "../logger";
import { IDEMPOTENCY_KEY, runIdempotent } from "../idempotency/run-idempotent";
import { problemResponse, toProblem } from "./problem";
import { consume } from "./rate-limit";
import { clientIp } from "./client-ip";
import { safeJsonStringify } from "./safe-json";

// The one route-handler wrapper: auth mode, Origin check, zod parsing, one verb, problem+json.

type Options<B extends z.ZodType, Q extends z.ZodType> = {
  auth: "user" | "public";
  /**
   * The API-token scope that admits a machine (`Authorization: Bearer`); without it, tokens are
   * refused here. An `admin` token satisfies any scope. Services still check permissions.
   */
  token?: ApiTokenScope;
  body?: B;
  query?: Q;
  /** Honour an Idempotency-Key header: replay, 422 on a different body, 409 while in flight. */
  idempotent?: boolean;
};

const MAX_BODY_BYTES = 64 * 1024;

type Args<B extends z.ZodType, Q extends z.ZodType> = {
  ctx: Ctx;
  req: Request;
  body: z.output<B>;
  query: z.output<Q>;
  params: Record<string, string>;
  idempotencyKey?: string;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function checkOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin || !MUTATING.has(req.method)) return;
  const allowed = new Set([new URL(publicUrl()).origin]);
  const host = req.headers.get("host");
  if (host) allowed.add(`${new URL(req.url).protocol}//${host}`);
  if (!allowed.has(origin)) {
    throw new AppError("forbidden", `Cross-origin request from ${origin} refused`);
  }
}

async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  const text = declared > MAX_BODY_BYTES ? "" : await req.text();
  if (declared > MAX_BODY_BYTES || Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
  }
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw validationError([{ path: "", message: "Body is not valid JSON" }]);
  }
}

function readIdempotencyKey(req: Request, isEnabled: boolean | undefined): string | undefined {
  const key = req.headers.get("idempotency-key");
  if (!isEnabled || key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw validationError([
      {
        path: "Idempotency-Key",
        message: "must be 1-255 visible ASCII characters (a UUID is ideal)",
      },
    ]);
  }
  return key;
}

function parseWith<S extends z.ZodType>(schema: S | undefined, value: unknown): z.output<S> {
  return schema ? parseInput(schema, value) : (value as z.output<S>);
}

/** The actor behind a request: a Bearer API token (when the route admits one) or the session. */
async function resolveActor(req: Request, scope: ApiTokenScope | undefined): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (!header) return currentActor();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError("unauthenticated", "Use Authorization: Bearer <token>");
  if (!scope) throw new AppError("unauthenticated", "API tokens are not accepted on this route");
  const check = await verifyApiToken(match[1], scope);
  if (!check.ok) {
    throw new AppError(check.status === 401 ? "unauthenticated" : "forbidden", check.reason);
  }
  await consume("tokenUse", check.id);
  return { type: "token", id: check.id, name: check.name, scopes: check.scopes };
}

const actorKey = (actor: Actor | null) =>
  actor?.type === "user" || actor?.type === "token" ? `${actor.type}:${actor.id}` : null;

function jsonResponse(body: unknown, init: { status: number; headers: Record<string, string> }) {
  return new Response(safeJsonStringify(body), {
    status: init.status,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

export function route<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(
  options: Options<B, Q>,
  handle: (args: Args<B, Q>) => Promise<unknown>,
) {
  return async (req: Request, context: { params: Promise<Record<string, string>> }) => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      checkOrigin(req);
      const actor = await resolveActor(req, options.token);
      if (options.auth === "user" && !actor) throw unauthenticated();
      const key = actorKey(actor);
      if (key && actor?.type === "user" && MUTATING.has(req.method)) {
        await consume("userWrites", key);
      }
      const ctx = createCtx(actor ?? { type: "anonymous" }, {
        requestId,
        ip: clientIp(req.headers),
        userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? undefined,
      });
      const url = new URL(req.url);
      const body = MUTATING.has(req.method)
        ? parseWith(options.body, await readJson(req))
        : (undefined as z.output<B>);
      const query = parseWith(options.query, Object.fromEntries(url.searchParams));
      const params = await context.params;
      const status = req.method === "POST" ? 201 : 200;
      const idempotencyKey = readIdempotencyKey(req, options.idempotent);
      if (idempotencyKey && key) {
        const result = await runIdempotent(
          {
            key: idempotencyKey,
            scope: `${key} ${req.method} ${url.pathname}`,
            request: body,
          },
          async () => ({
            status,
            body: await handle({ ctx, req, body, query, params, idempotencyKey }),
          }),
          (error) => ({ status: error.status, body: toProblem(error, requestId) }),
        );
        return jsonResponse(result.body, {
          status: result.status,
          headers: {
            "x-request-id": requestId,
            ...(result.status >= 400 ? { "content-type": "application/problem+json" } : {}),
            ...(result.isReplay ? { "idempotent-replayed": "true" } : {}),
          },
        });
      }
      const result = await handle({ ctx, req, body, query, params });
      if (result instanceof Response) return result;
      return jsonResponse(result ?? null, { status, headers: { "x-request-id": requestId } });
    } catch (error) {
      const problem = toProblem(error, requestId);
      if (problem.status >= 500) logger().error({ err: error, requestId }, "request failed");
      const retryAfter = isAppError(error) ? error.extra.retryAfterSeconds : undefined;
      return problemResponse(problem, retryAfter ? { "retry-after": String(retryAfter) } : {});
    }
  };
}
