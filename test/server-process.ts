import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Runs the built server (dist/server.js) as a child process on a free port with its own data dir.

export const SERVER_BUNDLE = path.resolve(process.env.SERVER_BUNDLE || "dist/server.js");
const NEXT_DIR = process.env.NEXT_DIST_DIR || ".next";
export const isBuilt =
  fs.existsSync(SERVER_BUNDLE) && fs.existsSync(path.join(NEXT_DIR, "BUILD_ID"));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type RunningServer = {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
};

export function spawnServer(
  env: Record<string, string>,
  dataDir?: string,
): RunningServer & { port: number } {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "warroom-srv-"));
  const port = Number(env.PORT ?? 0);
  let out = "";
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: {
      PATH: process.env.PATH ?? "",
      NEXT_DIST_DIR: NEXT_DIR,
      NODE_ENV: "production",
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      SEED_DEMO: "auto",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { url: `http://localhost:${port}`, port, dataDir: dir, child, output: () => out, exited };
}

/** Polls `path` until it answers 2xx; throws with the server's output if it exits or times out. */
export async function waitForServer(server: RunningServer, path = "/readyz"): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    const ok = await fetch(`${server.url}${path}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  server.child.kill("SIGKILL");
  throw new Error(`server did not answer ${path}: ${server.output()}`);
}

export async function startServer(
  dataDir?: string,
  fixedPort?: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const server = spawnServer(
    { PORT: String(port), PUBLIC_URL: `http://localhost:${port}`, ...env },
    dataDir,
  );
  await waitForServer(server);
  return server;
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header to send. */
export async function signInCookie(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session.split(";")[0]!;
}
