import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FastPath } from "../http/fast-path";
import { resetRateLimits } from "../http/rate-limit";
import { registerSubscribeRoutes } from "./subscribe-routes";

// The public subscribe form is the one unauthenticated write: it is limited per client IP.

describe("public subscribe endpoint", () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    resetRateLimits();
    const fastPath = new FastPath();
    registerSubscribeRoutes(fastPath);
    server = http.createServer((req, res) => {
      // server.ts stamps the client address; a fixed one stands for a single abusive client here.
      req.headers["x-warroom-client-ip"] = `203.0.113.${process.pid % 250}`;
      if (!fastPath.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status/subscribe`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses the 11th subscription from one client within the hour with 429 and Retry-After", async () => {
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "webhook", webhookUrl: "not a url" }),
      });
    for (let i = 0; i < 10; i++) expect((await post()).status).toBe(400);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
  });
});
