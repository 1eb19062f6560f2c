import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Server } from "socket.io";
import { databaseMode, databaseUrl } from "../db";
import { logger } from "../logger";

/**
 * On PostgreSQL, live events fan out to every instance through socket.io's PostgreSQL adapter
 * (LISTEN/NOTIFY, large payloads in socket_io_attachments). The embedded database has one
 * process, so the in-memory adapter is already complete. Returns the cleanup for shutdown.
 */
export function attachClusterAdapter(io: Server): () => Promise<void> {
  if (databaseMode() !== "postgresql") return async () => undefined;
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  pool.on("error", (error) => logger().warn({ err: error }, "socket.io cluster connection error"));
  io.adapter(
    createAdapter(pool, {
      errorHandler: (error) => logger().warn({ err: error }, "socket.io cluster adapter error"),
    }),
  );
  return () => pool.end();
}
