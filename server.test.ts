import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { DEMO_PASSWORD } from "./lib/seed/demo-data";
import type { Ack } from "./lib/realtime/events";
import type { TimelineEntryDto } from "./lib/timeline/schemas";
import { mergeEntries } from "./lib/timeline/merge";
import {
  freePort,
  isBuilt,
  signInCookie,
  spawnServer,
  startServer,
  type RunningServer,
} from "./test/server-process";

// The built server as users run it: a real process, real HTTP, real sockets.

const openSocket = (url: string, cookie?: string) =>
  connect(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
}

async function emit<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
}

describe.skipIf(!isBuilt)("server process (needs `npm run build`)", () => {
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    cookie = await signInCookie(server.url, "commander@warroom.test", DEMO_PASSWORD);
  }, 90_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("answers liveness and readiness on the fast path", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("rejects a socket without a session", async () => {
    const socket = openSocket(server.url);
    await expect(connected(socket)).rejects.toThrow("unauthenticated");
    socket.close();
  });

  it("replays a room's timeline after a seq, in order, and pushes declarations live", async () => {
    const socket = openSocket(server.url, cookie);
    await connected(socket);
    const list = (await (
      await fetch(`${server.url}/api/incidents`, { headers: { cookie } })
    ).json()) as { id: string; title: string }[];
    const seeded = list.find((i) => i.title === "Payment gateway timeouts")!;

    const all = await emit<{ entries: TimelineEntryDto[] }>(socket, "incident:join", {
      incidentId: seeded.id,
      lastSeq: 0,
    });
    expect(all.ok).toBe(true);
    const seqs = all.ok ? all.data.entries.map((e) => e.seq) : [];
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const after = await emit<{ entries: TimelineEntryDto[] }>(socket, "incident:join", {
      incidentId: seeded.id,
      lastSeq: 5,
    });
    expect(after.ok && after.data.entries[0]?.seq).toBe(6);

    const bad = await emit(socket, "incident:join", { incidentId: "nope", lastSeq: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(!bad.ok && bad.error.message).toMatch(/incidentId.*lastSeq|lastSeq/s);

    await emit(socket, "incidents:subscribe", {});
    const changed = new Promise<{ title: string }>((resolve) =>
      socket.once("incident:changed", resolve),
    );
    const res = await fetch(`${server.url}/api/incidents`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        title: "Region us-east-1 degraded",
        severity: "SEV2",
        dependencyCategory: "cloud",
      }),
    });
    expect(res.status).toBe(201);
    expect((await changed).title).toBe("Region us-east-1 degraded");
    socket.close();
  });

  it("answers bad input with problem+json naming the field, and refuses cross-origin writes", async () => {
    const invalid = await fetch(`${server.url}/api/incidents`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ title: "", severity: "SEV9" }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await invalid.json()) as { errors: { path: string }[]; requestId: string };
    expect(problem.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["title", "severity"]),
    );
    expect(problem.requestId).toBeTruthy();

    const crossOrigin = await fetch(`${server.url}/api/incidents`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ title: "forged" }),
    });
    expect(crossOrigin.status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/incidents`);
    expect(anonymous.status).toBe(401);
  });

  it("survives kill -9: a connected client reconnects and gets every later entry once, in order", async () => {
    const list = (await (
      await fetch(`${server.url}/api/incidents`, { headers: { cookie } })
    ).json()) as { id: string; title: string }[];
    const incidentId = list.find((i) => i.title === "Region us-east-1 degraded")!.id;
    // A client as the console runs it: apply by seq, rejoin with the last applied seq on connect.
    let applied: TimelineEntryDto[] = [];
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnectionDelay: 200,
      reconnectionDelayMax: 500,
    });
    const apply = (incoming: TimelineEntryDto[]) => {
      applied = mergeEntries(applied, incoming).entries;
    };
    socket.on("timeline:entry", (entry: TimelineEntryDto) => apply([entry]));
    socket.on("connect", () => {
      void emit<{ entries: TimelineEntryDto[] }>(socket, "incident:join", {
        incidentId,
        lastSeq: applied.at(-1)?.seq ?? 0,
      }).then((ack) => ack.ok && apply(ack.data.entries));
    });
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check()).toBe(true);
    };
    await waitFor(() => applied.length >= 2);
    const before = applied.length;

    server.child.kill("SIGKILL");
    await server.exited;
    server = await startServer(server.dataDir, server.port);
    const post = (text: string) =>
      fetch(`${server.url}/api/incidents/${incidentId}/timeline`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ kind: "note", payload: { text } }),
      });
    for (const text of ["after restart 1", "after restart 2", "after restart 3"]) {
      expect((await post(text)).status).toBe(201);
    }
    await waitFor(() => applied.length === before + 3);
    expect(applied.map((e) => e.seq)).toEqual(applied.map((_, i) => i + 1));
    expect(applied.slice(-3).map((e) => e.payload.text)).toEqual([
      "after restart 1",
      "after restart 2",
      "after restart 3",
    ]);
    socket.close();
  }, 90_000);

  it("answers malformed, oversize and unknown requests with problem+json", async () => {
    const list = (await (
      await fetch(`${server.url}/api/incidents`, { headers: { cookie } })
    ).json()) as { id: string; lastSeq: number }[];
    const incident = list[0]!;
    const send = (path: string, body: string, method = "POST") =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, "content-type": "application/json" },
        body,
      });
    const cases: [Promise<Response>, number, RegExp][] = [
      [send(`/api/incidents/${incident.id}/timeline`, "{oops"), 400, /not valid JSON/],
      [
        send(
          `/api/incidents/${incident.id}/timeline`,
          JSON.stringify({ kind: "note", payload: { text: "x".repeat(70_000) } }),
        ),
        413,
        /larger than 64 KiB/,
      ],
      [
        send(
          `/api/incidents/00000000-0000-0000-0000-000000000000/timeline`,
          JSON.stringify({ kind: "note", payload: { text: "hi" } }),
        ),
        404,
        /was not found/,
      ],
      [
        send(
          `/api/incidents/${incident.id}/roles`,
          JSON.stringify({ role: "captain", userId: incident.id }),
        ),
        400,
        /role must be one of/,
      ],
      [
        send(`/api/incidents/${incident.id}/status`, JSON.stringify({ to: "closed" })),
        422,
        /Cannot move an incident/,
      ],
    ];
    for (const [response, status, detail] of cases) {
      const res = await response;
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    }
    const after = (await (
      await fetch(`${server.url}/api/incidents/${incident.id}`, { headers: { cookie } })
    ).json()) as { lastSeq: number };
    expect(after.lastSeq).toBe(incident.lastSeq);
  });

  it("replays a write sent twice with one Idempotency-Key and refuses the key for another body", async () => {
    const list = (await (
      await fetch(`${server.url}/api/incidents`, { headers: { cookie } })
    ).json()) as { id: string }[];
    const key = crypto.randomUUID();
    const send = (text: string) =>
      fetch(`${server.url}/api/incidents/${list[0]!.id}/timeline`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ kind: "note", payload: { text } }),
      });
    const first = await send("once");
    const again = await send("once");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { seq: number }).seq).toBe(
      ((await first.json()) as { seq: number }).seq,
    );
    expect((await send("different")).status).toBe(422);
  });

  it("exits 0 within 10 s of SIGTERM, with a socket still open", async () => {
    const socket = openSocket(server.url, cookie);
    await connected(socket);
    const sentAt = Date.now();
    server.child.kill("SIGTERM");
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(10_000);
    socket.close();
  }, 20_000);
});

describe.skipIf(!isBuilt)("server start-up errors", () => {
  it("fails on a malformed PORT, naming the variable", async () => {
    const server = spawnServer({ PORT: "80a" });
    const { code } = await server.exited;
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(/PORT must be a number/);
  });

  it("exits non-zero within 15 s when DATABASE_URL is unreachable, in one line naming the host", async () => {
    const server = spawnServer({
      PORT: String(await freePort()),
      DATABASE_URL: "postgresql://warroom@127.0.0.1:1/warroom",
    });
    const startedAt = Date.now();
    const { code, at } = await server.exited;
    expect(code).not.toBe(0);
    expect(at - startedAt).toBeLessThan(15_000);
    const out = server.output().trim();
    expect(out).toMatch(/127\.0\.0\.1:1/);
    expect(out.split("\n")).toHaveLength(1);
    expect(out).not.toMatch(/\n\s+at /);
  }, 20_000);
});
