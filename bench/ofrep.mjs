#!/usr/bin/env node
// OFREP throughput and p99 against a bare node:http server returning the same bytes, in one run.
// Usage: node bench/ofrep.mjs   (needs a build; SERVER_BUNDLE / NEXT_DIST_DIR pick which one)
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BUNDLE = process.env.SERVER_BUNDLE ?? "dist/server.js";
const PASSWORD = "warroom-demo-7431";

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startWarroom() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-bench-"));
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      PUBLIC_URL: `http://localhost:${port}`,
      NODE_ENV: "production",
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, dataDir };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("warroom did not start");
}

async function adminToken(url) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({
      csrfToken,
      email: "admin@warroom.test",
      password: PASSWORD,
      json: "true",
    }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.includes("session-token"))
    .split(";")[0];
  const created = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", scopes: ["flags:read"] }),
  });
  return (await created.json()).secret;
}

/** The baseline: node:http answering from memory with the bytes warroom serves. */
function startBare(single, bulk, etag) {
  const script = `
    const http = require("node:http");
    const single = Buffer.from(${JSON.stringify(single.toString("base64"))}, "base64");
    const bulk = Buffer.from(${JSON.stringify(bulk.toString("base64"))}, "base64");
    const etag = ${JSON.stringify(etag)};
    http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.headers["if-none-match"] === etag) { res.writeHead(304, { etag }); return res.end(); }
        const body = req.url.endsWith("/flags") ? bulk : single;
        res.writeHead(200, { "content-type": "application/json", "content-length": body.length, etag });
        res.end(body);
      });
    }).listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n"); });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) =>
    child.stdout.once("data", (d) =>
      resolve({ url: `http://127.0.0.1:${String(d).trim()}`, child }),
    ),
  );
}

const run = (url, headers) =>
  autocannon({
    url,
    method: "POST",
    headers,
    body: JSON.stringify({ context: { targetingKey: "user-1" } }),
    connections: CONNECTIONS,
    duration: DURATION,
  });

const warroom = await startWarroom();
const token = await adminToken(warroom.url);
const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const singleRes = await fetch(`${warroom.url}/ofrep/v1/evaluate/flags/payments.defer_mode`, {
  method: "POST",
  headers: auth,
  body: "{}",
});
const single = Buffer.from(await singleRes.arrayBuffer());
const bulkRes = await fetch(`${warroom.url}/ofrep/v1/evaluate/flags`, {
  method: "POST",
  headers: auth,
  body: "{}",
});
const etag = bulkRes.headers.get("etag");
const bulk = Buffer.from(await bulkRes.arrayBuffer());
const bare = await startBare(single, bulk, etag);

const cases = [
  ["single flag", "/ofrep/v1/evaluate/flags/payments.defer_mode", {}],
  ["bulk (200)", "/ofrep/v1/evaluate/flags", {}],
  ["bulk (304)", "/ofrep/v1/evaluate/flags", { "if-none-match": etag }],
];
const rows = [];
for (const [name, p, extra] of cases) {
  const ours = await run(warroom.url + p, { ...auth, ...extra });
  const base = await run(bare.url + p, { "content-type": "application/json", ...extra });
  const bad = ours.non2xx - (extra["if-none-match"] ? ours.requests.total : 0);
  rows.push({
    case: name,
    "warroom req/s": Math.round(ours.requests.average),
    "bare req/s": Math.round(base.requests.average),
    ratio: +(ours.requests.average / base.requests.average).toFixed(2),
    "warroom p99 ms": ours.latency.p99,
    "bare p99 ms": base.latency.p99,
    "unexpected statuses": Math.max(0, bad) + ours.errors,
  });
}
console.log(
  `\nOFREP vs bare node:http, ${CONNECTIONS} connections, ${DURATION}s each, ${os.cpus().length} cores, body ${single.length} B single / ${bulk.length} B bulk`,
);
console.table(rows);
console.log("goals: single >= 0.5x, 304 >= 0.8x");
warroom.child.kill("SIGTERM");
bare.child.kill();
await new Promise((r) => setTimeout(r, 1000));
fs.rmSync(warroom.dataDir, { recursive: true, force: true });
