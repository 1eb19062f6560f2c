#!/usr/bin/env node
// `npm test`: verify (format, lint, types), build, unit + integration tests on the embedded
// database (and on PostgreSQL when TEST_DATABASE_URL is set), then Playwright in real Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { findChromium } from "./find-chromium.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const OUT = path.resolve(".tmp/test-results");
fs.mkdirSync(OUT, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let hasFailed = false;

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(
    `=== ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`,
  );
  if (result.status !== 0) hasFailed = true;
  return result.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

const npx = (bin) => path.resolve("node_modules/.bin", bin);
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

run("verify: format, lint, types", "npm", ["run", "--silent", "verify"]);
const isBuilt =
  process.env.SKIP_BUILD === "1" || run("build", process.execPath, ["scripts/build.mjs"]);

const vitest = (label, env) => {
  const file = path.join(OUT, `vitest-${label}.json`);
  run(
    `unit + integration (${label} database)`,
    npx("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    env,
  );
  countVitest(file);
};
vitest("embedded", { TEST_DATABASE_URL: "" });
if (process.env.TEST_DATABASE_URL) vitest("postgresql", {});

if (isBuilt && process.env.SKIP_E2E !== "1") {
  const chromium = await findChromium();
  const file = path.join(OUT, "playwright.json");
  run("end-to-end (Playwright, Chromium)", npx("playwright"), ["test", "--reporter=list,json"], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    E2E_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "warroom-e2e-")),
  });
  countPlaywright(file);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(hasFailed || totals.failed > 0 ? 1 : 0);
