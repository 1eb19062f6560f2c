import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "./client-ip";

// Security headers for every response, set in server.ts before any handler runs (fast path,
// socket.io polling, Next). Console pages get a per-request nonce CSP: Next reads the nonce
// from the request's Content-Security-Policy header and puts it on its own inline scripts.

export type HeaderOptions = {
  isDev: boolean;
  isHttps: boolean;
  /** CSP frame-ancestors sources allowed to frame the public status page; empty = nobody. */
  statusFrameAncestors: string[];
  trustProxy: boolean;
};

const PUBLIC_PAGE = /^\/status(\/|$|\?)/;

function consoleCsp(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; no inline script runs
    // without the nonce. Development needs eval for React's debugging tools.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes; those cannot carry a nonce, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function statusCsp(frameAncestors: string[]): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const ip = (trustProxy && first) || req.socket.remoteAddress || "";
  req.headers[CLIENT_IP_HEADER] = ip;
}

export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: HeaderOptions,
): void {
  stampClientIp(req, options.trustProxy);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (options.isHttps) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  const path = req.url ?? "/";
  if (PUBLIC_PAGE.test(path)) {
    res.setHeader("Content-Security-Policy", statusCsp(options.statusFrameAncestors));
    if (!options.statusFrameAncestors.length) res.setHeader("X-Frame-Options", "DENY");
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  const csp = consoleCsp(nonce, options.isDev);
  // Never trust a client-sent policy: Next takes its nonce from this request header.
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Frame-Options", "DENY");
}
