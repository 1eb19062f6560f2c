import type { IncomingMessage, ServerResponse } from "node:http";

// Paths answered before Next, from memory or a cheap check. Later: status snapshots, OFREP.

export type FastHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class FastPath {
  private readonly routes = new Map<string, FastHandler>();

  add(path: string, handler: FastHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Returns true when it answered the request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const handler = this.routes.get(q === -1 ? url : url.slice(0, q));
    if (!handler) return false;
    Promise.resolve(handler(req, res)).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { status: "error" });
      else res.destroy();
    });
    return true;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": bytes.length,
    "cache-control": "no-store",
  });
  res.end(bytes);
}
