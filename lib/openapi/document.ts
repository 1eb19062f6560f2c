import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations";

// OpenAPI 3.1 for the console API, from the zod schemas (zod 4's JSON Schema output is 2020-12,
// which OpenAPI 3.1 uses as is). Public fast-path surfaces are listed with links to their specs.

const PROBLEM = {
  description: "Problem details (RFC 9457) with a requestId; `errors` names each invalid field",
  content: {
    "application/problem+json": {
      schema: {
        type: "object",
        required: ["title", "status", "detail", "code", "requestId"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          code: { type: "string" },
          requestId: { type: "string" },
          errors: {
            type: "array",
            items: {
              type: "object",
              properties: { path: { type: "string" }, message: { type: "string" } },
            },
          },
          current: { description: "On 409: the current state of what you tried to change" },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

function parameters(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = op.query
    ? (jsonSchema(op.query) as { properties?: Record<string, object>; required?: string[] })
    : undefined;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query?.required?.includes(name) ?? false,
    schema,
  }));
  const idempotency = op.idempotent
    ? [
        {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "A client-generated UUID: the same key and body replay the stored response; another body is 422; in flight is 409.",
          schema: { type: "string", maxLength: 255 },
        },
      ]
    : [];
  return [...pathParams, ...queryParams, ...idempotency];
}

function operation(op: Operation) {
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method}${op.path
      .replace(/[{}]/g, "")
      .replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())
      .replace(/[^A-Za-z]/g, "")}`,
    parameters: parameters(op),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(op.body) } },
          },
        }
      : {}),
    responses: {
      [op.created ? "201" : "200"]: {
        description: "OK",
        content: { "application/json": { schema: {} } },
      },
      "400": PROBLEM,
      "401": PROBLEM,
      "403": PROBLEM,
      "404": PROBLEM,
      ...(op.method !== "get" ? { "409": PROBLEM, "413": PROBLEM, "422": PROBLEM } : {}),
    },
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Warroom API",
      version: "1",
      description:
        "The incident console's REST API. Sign in with a session cookie (the console) or `Authorization: Bearer <API token>`. " +
        "Writes accept an Idempotency-Key. Live updates: socket.io on the same origin (see lib/realtime/events.ts). " +
        "Public surfaces on the fast path: Statuspage v2 JSON under /api/v2/*.json, feeds at /status/feed.rss and /status/feed.atom, " +
        "OpenFeature OFREP v1 under /ofrep/v1/evaluate/flags, health at /healthz and /readyz.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
}
