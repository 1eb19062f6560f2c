// `npm run db:seed`: seeds the demo world into an empty database. Uses the running server's
// embedded database when it holds the lock, otherwise opens it (or DATABASE_URL) itself.
import path from "node:path";
import { applyMigrations } from "./prisma-engine/engine.mjs";
import { configureDatabase, disconnectDatabase } from "../lib/db";
import { readLiveLock } from "../lib/db/embedded";
import { startDatabase } from "../lib/db/start";
import { env } from "../lib/env";
import { seedDemoIfEmpty } from "../lib/seed/seed-demo";

async function main(): Promise<void> {
  const e = env();
  const running = e.DATABASE_URL ? undefined : readLiveLock(path.resolve(e.DATA_DIR));
  let stop = async () => undefined as void;
  if (running) {
    configureDatabase(running.url, "embedded");
  } else {
    const database = await startDatabase(e);
    stop = database.stop;
    await applyMigrations({ url: database.url, migrationsDir: path.resolve("prisma/migrations") });
  }
  try {
    const seeded = await seedDemoIfEmpty();
    console.log(seeded ? "Demo data seeded." : "The database already has users: nothing seeded.");
  } finally {
    await disconnectDatabase();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
