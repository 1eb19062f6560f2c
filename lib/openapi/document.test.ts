import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { OPERATIONS } from "./operations";

// The document must describe exactly the route handlers that exist: a new route without an
// entry (or an entry without a route) fails here.

const API_DIR = path.resolve("app/api");
const UNDOCUMENTED = new Set(["/api/auth/{nextauth}", "/api/openapi.json"]);

function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/${path.relative(API_DIR, dir)}`.replace(
          /\[\.{3}(\w+)\]|\[(\w+)\]/g,
          (_, a, b) => `{${a ?? b}}`,
        );
        if (UNDOCUMENTED.has(route)) continue;
        const source = fs.readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)) {
          found.push(`${method!.toLowerCase()} ${route}`);
        }
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

describe("OpenAPI document", () => {
  it("lists every route handler and nothing else", () => {
    expect(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort()).toEqual(routesOnDisk());
  });

  it("describes request bodies with the services' own schemas", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    const declare = doc.paths["/api/incidents"]?.post as {
      requestBody: {
        content: {
          "application/json": {
            schema: { required?: string[]; properties: Record<string, unknown> };
          };
        };
      };
    };
    const schema = declare.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["title"]);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["title", "severity", "dependencyCategory"]),
    );
    const post = doc.paths["/api/incidents/{id}/timeline"]?.post as {
      parameters: { name: string }[];
    };
    expect(post.parameters.map((p) => p.name)).toEqual(["id", "Idempotency-Key"]);
  });
});
