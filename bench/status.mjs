#!/usr/bin/env node
// Compares /api/v2/summary.json on Warroom's fast path with a bare node:http server serving the
// same bytes, in one run, and prints throughput and p99 for both plus the ratio.
// Usage: NEXT_DIST_DIR=… SERVER_BUNDLE=… node bench/status.mjs [seconds]
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const bundle = path.resolve(process.env.SERVER_BUNDLE || "dist/server.js");
const port = 3940 + Math.floor(Math.random() * 50);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-bench-"));
const child = spawn(process.execPath, [bundle], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    DATABASE_URL: "",
  },
  stdio: "ignore",
});
const url = `http://127.0.0.1:${port}/api/v2/summary.json`;
for (let i = 0; i < 240; i++) {
  if (
    await fetch(url).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 500));
}
const response = await fetch(url);
const body = Buffer.from(await response.arrayBuffer());
const headers = Object.fromEntries(response.headers);
delete headers["date"];
delete headers["connection"];
delete headers["keep-alive"];

const bare = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((r) => bare.listen(0, "127.0.0.1", r));
const bareUrl = `http://127.0.0.1:${bare.address().port}/api/v2/summary.json`;

const run = (target) =>
  autocannon({ url: target, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
await run(bareUrl); // warm-up both, then measure
const warroom = await run(url);
const baseline = await run(bareUrl);
child.kill("SIGTERM");
bare.close();

const row = (name, r) =>
  `| ${name} | ${Math.round(r.requests.average).toLocaleString("en-US")} | ${r.latency.p99} ms | ${r.non2xx} |`;
const ratio = warroom.requests.average / baseline.requests.average;
console.log(
  `summary.json: ${body.length} bytes, ${CONNECTIONS} connections, ${SECONDS} s each, ${os.cpus().length} cores\n`,
);
console.log("| server | req/s | p99 | non-2xx |\n|---|---|---|---|");
console.log(row("Warroom fast path (snapshot)", warroom));
console.log(row("bare node:http, same bytes", baseline));
console.log(`\nthroughput ratio: ${ratio.toFixed(2)}× (goal ≥ 0.5×)`);
fs.rmSync(dataDir, { recursive: true, force: true });
