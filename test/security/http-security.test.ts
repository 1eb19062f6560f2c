import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { DEMO_PASSWORD } from "../../lib/seed/demo-data";
import { isBuilt, signInCookie, startServer, type RunningServer } from "../server-process";
import { adminCall, call, invitedUser } from "./api-world";

// The built server as an attacker meets it: cross-origin writes and sockets, brute force, API
// tokens, security headers, and a full run's log searched for secrets.

async function signInAttempt(url: string, email: string, password: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return {
    status: res.status,
    session,
    error: new URL(body.url ?? "http://x/").searchParams.get("error"),
  };
}

function socketOutcome(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(url, {
      transports: ["websocket"],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe.skipIf(!isBuilt)("HTTP security (needs a build)", () => {
  let server: RunningServer;
  let admin: string;
  const secrets: string[] = [DEMO_PASSWORD];

  beforeAll(async () => {
    // info level: the log must be free of secrets even when it says the most.
    server = await startServer(undefined, undefined, { LOG_LEVEL: "info" });
    admin = await signInCookie(server.url, "admin@warroom.test", DEMO_PASSWORD);
  }, 90_000);

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  const world = () => ({ url: server.url, cookies: { admin } });

  it("refuses cross-origin writes and cross-origin socket handshakes (CSRF)", async () => {
    const cookie = await signInCookie(server.url, "commander@warroom.test", DEMO_PASSWORD);
    for (const [method, path, body] of [
      ["POST", "/api/incidents", { title: "Cross-site declare" }],
      ["POST", "/api/tokens", { name: "stolen" }],
      ["POST", "/api/account/password", { currentPassword: "x", newPassword: "y".repeat(12) }],
    ] as const) {
      const res = await call(server.url, method, path, {
        cookie: path === "/api/tokens" ? admin : cookie,
        body,
        headers: { origin: "https://evil.example" },
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.text).toContain("Cross-origin");
    }
    const list = await call(server.url, "GET", "/api/incidents", { cookie });
    expect(JSON.stringify(list.body)).not.toContain("Cross-site declare");
    // Same origin is fine; a foreign origin is refused even with a valid session cookie.
    expect(await socketOutcome(server.url, { cookie, origin: server.url })).toBe("connected");
    expect(await socketOutcome(server.url, { cookie, origin: "https://evil.example" })).toBe(
      "origin not allowed",
    );
  });

  it("sets httpOnly SameSite=Lax session cookies", async () => {
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      },
      body: new URLSearchParams({
        csrfToken,
        email: "viewer@warroom.test",
        password: DEMO_PASSWORD,
        json: "true",
      }),
    });
    const session = res.headers.getSetCookie().find((c) => c.includes("session-token"))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("limits the 11th wrong password in a minute, even when it is right, and logs it", async () => {
    const user = await invitedUser(world(), "responder");
    secrets.push(user.password);
    for (let i = 1; i <= 10; i++) {
      const attempt = await signInAttempt(server.url, user.email, `wrong-${i}`);
      expect(attempt.error, `attempt ${i}`).toBe("CredentialsSignin");
    }
    const eleventh = await signInAttempt(server.url, user.email, user.password);
    expect(eleventh.error).toBe("RateLimited");
    expect(eleventh.session).toBeUndefined();
    const audit = await adminCall<
      { action: string; after: { email?: string }; ip: string | null; userAgent: string | null }[]
    >(world(), "GET", "/api/audit?action=auth.signin");
    const mine = audit.filter((r) => r.after?.email === user.email);
    expect(mine.filter((r) => r.action === "auth.signin.failed")).toHaveLength(10);
    // Where: the client address server.ts stamped, and the user agent.
    expect(mine.every((r) => r.ip && r.userAgent)).toBe(true);
    expect(mine.filter((r) => r.action === "auth.signin.limited")).toHaveLength(1);
    expect(server.output()).toContain("sign-in rate limited");
    // Another account from the same address is not locked by this one's budget.
    expect(
      (await signInAttempt(server.url, "scribe@warroom.test", DEMO_PASSWORD)).session,
    ).toBeTruthy();
  });

  it("admits scoped Bearer tokens where their scope allows, and only there", async () => {
    const make = async (scopes: string[]) => {
      const r = await adminCall<{ secret: string }>(world(), "POST", "/api/tokens", {
        name: `t-${scopes.join("-")}`,
        scopes,
      });
      secrets.push(r.secret);
      return { authorization: `Bearer ${r.secret}` };
    };
    const incidents = await make(["incidents:write"]);
    const flagsOnly = await make(["flags:read"]);
    const declared = await call(server.url, "POST", "/api/incidents", {
      headers: incidents,
      body: { title: "Declared by a machine" },
    });
    expect(declared.status).toBe(201);
    const id = (declared.body as { id: string }).id;
    const note = await call(server.url, "POST", `/api/incidents/${id}/timeline`, {
      headers: incidents,
      body: { kind: "note", payload: { text: "From the pager bridge" } },
    });
    expect(note.status).toBe(201);
    expect((note.body as { actorLabel: string }).actorLabel).toContain("API token");
    expect(
      (
        await call(server.url, "POST", "/api/incidents", {
          headers: flagsOnly,
          body: { title: "No" },
        })
      ).status,
    ).toBe(403);
    expect((await call(server.url, "GET", "/api/tokens", { headers: incidents })).status).toBe(403);
    expect(
      (await call(server.url, "GET", "/api/account/password", { headers: incidents })).status,
    ).toBe(405);
    expect(
      (await call(server.url, "POST", "/api/account/password", { headers: incidents, body: {} }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(server.url, "GET", "/api/incidents", {
          headers: { authorization: "Bearer wr_nope" },
        })
      ).status,
    ).toBe(401);
    const flags = await fetch(`${server.url}/ofrep/v1/evaluate/flags`, {
      method: "POST",
      headers: { ...flagsOnly, "content-type": "application/json" },
      body: "{}",
    });
    expect(flags.status).toBe(200);
  });

  it("sends security headers on pages, APIs and the public status page, with a CSP nonce", async () => {
    const page = await fetch(`${server.url}/signin`);
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const second = await fetch(`${server.url}/signin`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);

    const api = await fetch(`${server.url}/api/incidents`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    const status = await fetch(`${server.url}/status`);
    expect(status.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(status.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(status.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("never rate limits public reads (status JSON, feeds, OFREP evaluation)", async () => {
    const paths = ["/api/v2/summary.json", "/status/feed.rss", "/status"];
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${server.url}${paths[i % paths.length]}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });

  it("rejects UPDATE and DELETE of audit rows in the database", async () => {
    // Asserted at the SQL level in lib/audit/append-only.test.ts; here: no API path edits them.
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await call(server.url, method, "/api/audit", { cookie: admin, body: {} });
      expect(res.status, method).toBe(405);
    }
  });

  it("keeps secrets out of the log of a full run", async () => {
    // Invite + accept + password change put more secrets through the server first.
    const user = await invitedUser(world(), "responder");
    secrets.push(user.password);
    const newPassword = `changed-${randomUUID()}`;
    secrets.push(newPassword);
    const changed = await call(server.url, "POST", "/api/account/password", {
      cookie: user.cookie,
      body: { currentPassword: user.password, newPassword },
    });
    expect(changed.status).toBe(201);
    const { link } = await adminCall<{ link: string }>(world(), "POST", "/api/invites", {
      email: `s-${randomUUID().slice(0, 8)}@invited.test`,
      name: "Secret holder",
      role: "viewer",
    });
    secrets.push(new URL(link).hash.replace("#token=", ""));
    const log = server.output();
    expect(log.length).toBeGreaterThan(200);
    expect(log).toContain("sign-in");
    for (const secret of secrets)
      expect(log.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
  });
});
