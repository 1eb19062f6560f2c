import type { IncomingMessage, ServerResponse } from "node:http";
import { safeJsonStringify } from "./safe-json";

// Paths answered before Next, from memory or a cheap check: health, status snapshots, OFREP.

export type FastHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  match: { path: string; rest: string },
) => void | Promise<void>;

export class FastPath {
  private readonly exact = new Map<string, FastHandler>();
  private readonly prefixes: [string, FastHandler][] = [];

  add(path: string, handler: FastHandler): this {
    this.exact.set(path, handler);
    return this;
  }

  /** Handles every path under prefix (which should end with "/"); `rest` is what follows it. */
  addPrefix(prefix: string, handler: FastHandler): this {
    this.prefixes.push([prefix, handler]);
    this.prefixes.sort((a, b) => b[0].length - a[0].length);
    return this;
  }

  /** Returns true when it answered the request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    let handler = this.exact.get(path);
    let rest = "";
    if (!handler) {
      const hit = this.prefixes.find(([prefix]) => path.startsWith(prefix));
      if (!hit) return false;
      [, handler] = hit;
      rest = path.slice(hit[0].length);
    }
    Promise.resolve(handler(req, res, { path, rest })).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { status: "error" });
      else res.destroy();
    });
    return true;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(safeJsonStringify(body));
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": bytes.length,
    "cache-control": "no-store",
    ...headers,
  });
  res.end(bytes);
}
