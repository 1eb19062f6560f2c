import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**", "dist*/**", "data/**", ".tmp/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The embedded database must see one client process at a time (see lib/db.ts).
    fileParallelism: Boolean(process.env.TEST_DATABASE_URL),
    env: { NODE_ENV: "test", AUTH_SECRET: "test-secret-test-secret-test-secret-1234" },
  },
});
