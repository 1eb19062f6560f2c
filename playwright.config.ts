import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// A private server for the run: an unusual port and a fresh embedded database, never one we did
// not start. scripts/test.mjs builds first and finds Chromium (CHROMIUM_PATH).
const PORT = Number(process.env.E2E_PORT ?? 3917);
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `warroom-e2e-${process.pid}`);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node ${process.env.SERVER_BUNDLE || "dist/server.js"}`,
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 90_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR,
      PUBLIC_URL: BASE_URL,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      DATABASE_URL: "",
    },
  },
});
