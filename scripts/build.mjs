#!/usr/bin/env node
// Production build: Next's pages and route handlers, then server.ts bundled with esbuild.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

process.env.NEXT_TELEMETRY_DISABLED = "1";

const next = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (next.status !== 0) process.exit(next.status ?? 1);

await build({
  entryPoints: ["server.ts"],
  outfile: process.env.SERVER_BUNDLE || "dist/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
console.log(`built ${process.env.SERVER_BUNDLE || "dist/server.js"}`);
