import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastPath } from "../http/fast-path";
import { FEED_PATHS } from "./feeds";
import { CSS_PATH } from "./render-page";
import { currentSnapshot, HTML_PATH, type Artifact } from "./snapshot";

// Fast-path answers from the in-memory snapshot: bytes + ETag, 304 on If-None-Match, caches
// allowed to serve stale copies while revalidating or when we error.

const CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=60, stale-if-error=86400";
const CSS_CACHE = "public, max-age=31536000, immutable";

function headersFor(a: Artifact, isStale: boolean, generatedAt: string) {
  const headers: Record<string, string | number> = {
    "content-type": a.type,
    "content-length": a.body.length,
    etag: a.etag,
    "cache-control": a.path === CSS_PATH ? CSS_CACHE : CACHE_CONTROL,
    "x-content-type-options": "nosniff",
    "x-status-generated-at": generatedAt,
  };
  if (a.path !== HTML_PATH) headers["access-control-allow-origin"] = "*";
  if (isStale) headers["x-status-stale"] = "1";
  return headers;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export function serveArtifact(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-length": 0 });
    res.end();
    return;
  }
  const snapshot = currentSnapshot();
  const a = snapshot?.artifacts.get(path);
  if (!snapshot || !a) {
    const body = snapshot ? '{"error":"Not found"}' : '{"error":"Status not available yet"}';
    res.writeHead(snapshot ? 404 : 503, {
      "content-type": "application/json",
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return;
  }
  const headers = headersFor(a, snapshot.isStale, snapshot.generatedAt);
  if (matches(req.headers["if-none-match"], a.etag)) {
    delete headers["content-length"];
    delete headers["content-type"];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : a.body);
}

export function registerStatusRoutes(fastPath: FastPath): void {
  const serve = (req: IncomingMessage, res: ServerResponse, p: string) =>
    serveArtifact(req, res, p);
  fastPath.add(HTML_PATH, (req, res) => serve(req, res, HTML_PATH));
  fastPath.add(`${HTML_PATH}/`, (req, res) => serve(req, res, HTML_PATH));
  for (const p of [CSS_PATH, FEED_PATHS.rss, FEED_PATHS.atom]) {
    fastPath.add(p, (req, res) => serve(req, res, p));
  }
  fastPath.addPrefix("/api/v2/", (req, res, { path }) => serve(req, res, path));
}
