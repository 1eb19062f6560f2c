import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One Prisma client per process, shared through globalThis: server.ts and Next's route-handler
// bundles are separate module graphs in the same process.

export type DatabaseMode = "embedded" | "postgresql";

type DbState = { url?: string; mode?: DatabaseMode; client?: PrismaClient };

const state = ((globalThis as unknown as { warroomDb?: DbState }).warroomDb ??= {});

/** Called once at boot (or by test setup) with the URL of the database to use. */
export function configureDatabase(url: string, mode: DatabaseMode): void {
  state.url = url;
  state.mode = mode;
}

export function databaseMode(): DatabaseMode {
  return state.mode ?? (env().DATABASE_URL ? "postgresql" : "embedded");
}

export function databaseUrl(): string {
  const url = state.url ?? env().DATABASE_URL;
  if (!url) throw new Error("The database has not been started (configureDatabase was not called)");
  return url;
}

export function db(): PrismaClient {
  if (!state.client) {
    // pglite-socket interleaves the extended-protocol messages of concurrent connections outside
    // transactions (a second Bind clobbers the first's unnamed portal: "portal does not exist").
    // PGlite runs one query at a time anyway, so the embedded pool is one connection, waited on.
    const isEmbedded = databaseMode() === "embedded";
    const adapter = new PrismaPg({
      connectionString: databaseUrl(),
      max: isEmbedded ? 1 : env().DB_POOL_MAX,
      connectionTimeoutMillis: isEmbedded ? 60_000 : 5_000,
    });
    // With one embedded connection, a burst of writes queues for it: let transactions wait their turn.
    state.client = new PrismaClient({
      adapter,
      transactionOptions: { maxWait: isEmbedded ? 60_000 : 5_000, timeout: 15_000 },
    });
  }
  return state.client;
}

export async function disconnectDatabase(): Promise<void> {
  const client = state.client;
  state.client = undefined;
  await client?.$disconnect();
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
