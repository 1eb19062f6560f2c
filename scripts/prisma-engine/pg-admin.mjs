// Plain PostgreSQL administration for the Warroom schema-engine bridge: Prisma-style connection
// strings, connectivity checks, creating and dropping databases, and node-postgres errors mapped
// to the native engine's messages and codes. Part of engine.mjs (its public surface); types in
// engine.d.mts.

import pg from "pg";

import { SchemaEngineError, toEngineError } from "./errors.mjs";

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Connection strings
// ---------------------------------------------------------------------------------------------

// Query parameters understood by Prisma's native engine but not by node-postgres.
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "connect_timeout",
  "sslaccept",
  "sslidentity",
  "sslpassword",
];

/** Parses a postgres:// URL into its parts. Throws a P1013 error for an invalid one. */
export function parseDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new SchemaEngineError("The provided database string is invalid.", { code: "P1013" });
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new SchemaEngineError(
      `The Warroom schema-engine bridge only supports PostgreSQL URLs (got \`${parsed.protocol}\`).`,
      { code: "P1013" },
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const host = parsed.searchParams.get("host") || parsed.hostname || "localhost";
  const port = parsed.port || "5432";
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || process.env.USER || "";
  const schema = parsed.searchParams.get("schema") || undefined;
  const connectTimeout = Number(parsed.searchParams.get("connect_timeout"));
  return { parsed, database, host, port, user, schema, connectTimeout };
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function serverLabel({ host, port }) {
  return host.startsWith("/") ? host : `${host}:${port}`;
}

/**
 * pg.Pool config + adapter options for a Prisma-style PostgreSQL URL. The adapter's pools add
 * their own Client class (adapter.mjs); plain pg.Client connections here do not need it.
 */
export function poolConfigFor(url) {
  const { parsed, schema, connectTimeout } = parseDatabaseUrl(url);
  const clean = new URL(parsed.toString());
  for (const name of PRISMA_ONLY_PARAMS) clean.searchParams.delete(name);
  const config = {
    connectionString: clean.toString(),
    // One connection: the engine takes a session-level advisory lock and expects to see its
    // own session on every call; never close it while idle.
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis:
      connectTimeout > 0 ? connectTimeout * 1000 : DEFAULT_CONNECT_TIMEOUT_MS,
  };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, adapterOptions: schema ? { schema } : undefined };
}

// ---------------------------------------------------------------------------------------------
// Plain pg helpers (database creation, dropping, connectivity checks)
// ---------------------------------------------------------------------------------------------

/** Maps a node-postgres connection error to the native engine's message and code. */
export function describePgError(error, url) {
  const info = (() => {
    try {
      return parseDatabaseUrl(url);
    } catch {
      return { host: "?", port: "?", database: "?", user: "?" };
    }
  })();
  const where = serverLabel(info);
  const code = error?.code;
  if (
    ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOENT"].includes(
      code,
    )
  ) {
    return new SchemaEngineError(
      `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`,
      { code: "P1001", cause: error, meta: { database_host: info.host, database_port: info.port } },
    );
  }
  if (code === "ETIMEDOUT" || /timeout/i.test(error?.message ?? "")) {
    return new SchemaEngineError(
      `Timed out trying to reach the database server at \`${where}\`. Please make sure your database server is running at \`${where}\`.`,
      { code: "P1002", cause: error },
    );
  }
  if (code === "3D000") {
    return new SchemaEngineError(
      `Database \`${info.database}\` does not exist on the database server at \`${where}\`.`,
      { code: "P1003", cause: error, meta: { database_name: info.database } },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new SchemaEngineError(
      `Authentication failed against database server at \`${where}\`, the provided database credentials for \`${info.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${where}\`.`,
      { code: "P1000", cause: error },
    );
  }
  if (code === "42501") {
    return new SchemaEngineError(
      `User \`${info.user}\` was denied access on the database \`${info.database}\`: ${error.message}`,
      { code: "P1010", cause: error },
    );
  }
  if (code === "42P04") {
    return new SchemaEngineError(
      `Database \`${info.database}\` already exists on the database server at \`${where}\``,
      {
        code: "P1009",
        cause: error,
      },
    );
  }
  return toEngineError(error);
}

/** Runs fn with a short-lived pg.Client on url. */
export async function withClient(url, fn) {
  const { config } = poolConfigFor(url);
  const client = new pg.Client(config);
  client.on("error", () => {}); // reported through the failing query instead
  try {
    await client.connect();
  } catch (error) {
    throw describePgError(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects to url's server on a maintenance database (postgres, then template1). */
export async function withMaintenanceClient(url, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    try {
      return await withClient(withDatabase(url, database), fn);
    } catch (error) {
      if (error?.code !== "P1003") throw error;
      lastError = error;
    }
  }
  throw lastError;
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** Checks that url's database can be reached. Throws a SchemaEngineError (P1001, P1003, …). */
export async function canConnectToDatabase(url) {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/** Creates url's database. Returns its name. */
export async function createDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (error) {
      throw describePgError(error, url);
    }
  });
  return database;
}

/** Drops url's database (terminating other sessions on PostgreSQL 13+). */
export async function dropDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  await withMaintenanceClient(url, (client) => dropDatabaseWith(client, database));
  return database;
}

export async function dropDatabaseWith(client, database) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } catch (error) {
    if (error?.code !== "42601") throw error; // before PostgreSQL 13: no WITH (FORCE)
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
  }
}
