import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, type HeaderOptions } from "./security-headers";
import { CLIENT_IP_HEADER } from "./client-ip";

function fake(url: string, headers: Record<string, string> = {}) {
  const req = {
    url,
    headers: { ...headers },
    socket: { remoteAddress: "10.1.2.3" },
  } as unknown as IncomingMessage;
  const set: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => void (set[name.toLowerCase()] = value),
  } as unknown as ServerResponse;
  return { req, res, set };
}

const BASE: HeaderOptions = {
  isDev: false,
  isHttps: false,
  statusFrameAncestors: [],
  trustProxy: false,
};

describe("security headers", () => {
  it("gives console pages a fresh nonce CSP, also on the request for Next to read", () => {
    const a = fake("/incidents", { "content-security-policy": "script-src *" });
    applySecurityHeaders(a.req, a.res, BASE);
    const csp = a.set["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/); // only styles keep it
    expect(csp).toContain("frame-ancestors 'none'");
    expect(a.req.headers["content-security-policy"]).toBe(csp);
    expect(a.set["x-frame-options"]).toBe("DENY");
    expect(a.set["x-content-type-options"]).toBe("nosniff");
    const b = fake("/incidents");
    applySecurityHeaders(b.req, b.res, BASE);
    expect(b.set["content-security-policy"]).not.toBe(csp);
  });

  it("lets only configured origins frame the status page", () => {
    const closed = fake("/status");
    applySecurityHeaders(closed.req, closed.res, BASE);
    expect(closed.set["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(closed.set["x-frame-options"]).toBe("DENY");
    const open = fake("/status?x=1");
    applySecurityHeaders(open.req, open.res, {
      ...BASE,
      statusFrameAncestors: ["https://help.example.com"],
    });
    expect(open.set["content-security-policy"]).toContain(
      "frame-ancestors https://help.example.com",
    );
    expect(open.set["x-frame-options"]).toBeUndefined();
    const board = fake("/statusboard");
    applySecurityHeaders(board.req, board.res, {
      ...BASE,
      statusFrameAncestors: ["https://help.example.com"],
    });
    expect(board.set["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("believes X-Forwarded-For only behind a trusted proxy, and overwrites a forged stamp", () => {
    const forged = { "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "7.7.7.7" };
    const direct = fake("/api/incidents", forged);
    applySecurityHeaders(direct.req, direct.res, BASE);
    expect(direct.req.headers[CLIENT_IP_HEADER]).toBe("10.1.2.3");
    const proxied = fake("/api/incidents", forged);
    applySecurityHeaders(proxied.req, proxied.res, { ...BASE, trustProxy: true, isHttps: true });
    expect(proxied.req.headers[CLIENT_IP_HEADER]).toBe("6.6.6.6");
    expect(proxied.set["strict-transport-security"]).toBe("max-age=31536000");
  });
});
