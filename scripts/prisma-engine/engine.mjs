// Shared core of the Warroom schema-engine bridge: loads Prisma's official WebAssembly schema
// engine (@prisma/schema-engine-wasm) and drives it through @prisma/adapter-pg, so migrations work
// without the native `schema-engine` binary that the Prisma CLI would otherwise download.
//
// Used by bridge.mjs (the executable the Prisma CLI spawns through PRISMA_SCHEMA_ENGINE_BINARY)
// and by the app server at start-up (applyMigrations / migrationStatus, no CLI spawned).
// Plain ESM JavaScript on purpose: it must run without a build step. Types: engine.d.mts.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

const GLUE_PATH = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

/** Version of the wasm engine package, e.g. "8.1.0-2.59be4fda…" (its package.json is not exported). */
export const WASM_PACKAGE_VERSION = JSON.parse(
  readFileSync(path.join(path.dirname(GLUE_PATH), "package.json"), "utf8"),
).version;

const NO_FILTERS = Object.freeze({ externalTables: [], externalEnums: [] });
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const OID_CHAR = 18; // PostgreSQL's internal one-byte "char" type
const OID_TEXT = 25;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Error carrying a Prisma error code (P1001, P3018, …) when one is known. */
export class SchemaEngineError extends Error {
  /**
   * @param {string} message
   * @param {{ code?: string, isPanic?: boolean, meta?: Record<string, unknown>, cause?: unknown }} [options]
   */
  constructor(message, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SchemaEngineError";
    this.code = options.code;
    this.isPanic = options.isPanic ?? false;
    this.meta = options.meta ?? {};
  }
}

// The wasm engine reports errors as plain messages (no error codes). Map the well-known ones back
// to the codes the native engine would have used, so the CLI prints the usual "Pxxxx" prefix.
const MESSAGE_CODES = [
  [/Can't reach database server/i, "P1001"],
  [
    /Timed out fetching a new connection|timed out connecting|Connection terminated due to connection timeout/i,
    "P1002",
  ],
  [/Database `[^`]*` does not exist/i, "P1003"],
  [/Authentication failed/i, "P1000"],
  [/User `[^`]*` was denied access/i, "P1010"],
  [/database schema is not empty/i, "P3005"],
  [/failed to apply cleanly to the shadow database/i, "P3006"],
  [/found failed migrations in the target database/i, "P3009"],
  [/could not create the shadow database/i, "P3014"],
  [/A migration failed to apply|apply_migration::apply_script/i, "P3018"],
  [/provider specified in the migration_lock\.toml/i, "P3019"],
  [/Timed out trying to acquire a postgres advisory lock/i, "P1002"],
];

/** Best-effort Prisma error code for an error message. */
export function errorCodeFor(message) {
  for (const [pattern, code] of MESSAGE_CODES) if (pattern.test(message)) return code;
  return undefined;
}

/** Turns anything thrown by the wasm engine, the adapter or pg into a SchemaEngineError. */
export function toEngineError(error) {
  if (error instanceof SchemaEngineError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const isPanic = error instanceof WebAssembly.RuntimeError || /panicked at|unreachable/i.test(raw);
  const message = isPanic && lastPanicMessage ? `${lastPanicMessage}\n${raw}` : raw;
  return new SchemaEngineError(message.trimEnd(), {
    code: error?.code && /^P\d{4}$/.test(error.code) ? error.code : errorCodeFor(message),
    isPanic,
    cause: error,
  });
}

/** Collapses a multi-line engine message to one line for logs and thrown errors. */
export function oneLine(message) {
  const text = String(message);
  // Drop the engine's span trace ("   0: schema_engine_wasm::… at …"), keep the migration name.
  const migration = /migration_name="([^"]+)"/.exec(text)?.[1];
  const head = text.split(/^\s+\d+: /m)[0];
  const prefix =
    migration && !head.includes(migration) ? `Migration \`${migration}\` failed: ` : "";
  return (prefix + head)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && line !== "external connector error")
    .join(" | ");
}

// ---------------------------------------------------------------------------------------------
// WebAssembly engine loading (compiled once per process)
// ---------------------------------------------------------------------------------------------

let compiledModule; // Promise<WebAssembly.Module>
let loaded; // Promise<{ bg, poisoned: boolean }>
let generation = 0;
let lastPanicMessage = "";

function installPanicRegistry() {
  // The wasm glue reports Rust panics through this global (it crashes if it is missing).
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      lastPanicMessage = String(message);
    },
  };
}

/**
 * Loads the wasm engine. The compiled WebAssembly.Module is cached for the process; a fresh
 * instance (with fresh JS glue state) is only created again after a panic poisoned the old one.
 * @returns {Promise<typeof import("@prisma/schema-engine-wasm")>}
 */
export async function loadWasmEngine() {
  if (loaded) {
    const current = await loaded.catch(() => undefined);
    if (current && !current.poisoned) return current.bg;
    loaded = undefined;
  }
  loaded = (async () => {
    installPanicRegistry();
    const gluePath = GLUE_PATH;
    compiledModule ??= fs
      .readFile(gluePath.replace(/\.js$/, ".wasm"))
      .then((bytes) => WebAssembly.compile(bytes));
    const module = await compiledModule;
    // The glue module keeps per-instance state at module level: a new instance needs a new copy.
    const glueUrl =
      pathToFileURL(gluePath).href + (generation++ === 0 ? "" : `?instance=${generation}`);
    const bg = await import(glueUrl);
    const imports = { ...bg };
    for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
      // The engine arms timers (e.g. the 10 s advisory-lock timeout) and never clears them; do
      // not let them keep a finished process alive for 10 s. Open sockets keep it alive anyway.
      imports[name] = (...args) => {
        const timer = bg[name](...args);
        timer?.unref?.();
        return timer;
      };
    }
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return { bg, poisoned: false };
  })();
  loaded.catch(() => {
    loaded = undefined;
    compiledModule = undefined;
  });
  return (await loaded).bg;
}

async function markPoisoned() {
  const current = await loaded?.catch(() => undefined);
  if (current) current.poisoned = true;
}

/** Version hash of the wasm engine build (e.g. "59be4fda…"). */
export async function wasmEngineVersion() {
  return (await loadWasmEngine()).version();
}

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
 * node-postgres client that reports PostgreSQL's internal "char" type (OID 18) as text:
 * @prisma/adapter-pg has no mapping for it, and the engine's catalog queries return such columns
 * ("Column type 'char' could not be deserialized").
 */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, result) =>
        callback(err, err ? result : charAsText(result)),
      );
    }
    if (config && typeof config.callback === "function") {
      const original = config.callback;
      config.callback = (err, result) => original(err, err ? result : charAsText(result));
      return super.query(config, values);
    }
    return super.query(config, values).then(charAsText);
  }
}

function charAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === OID_CHAR) field.dataTypeID = OID_TEXT;
    }
  }
  return result;
}

/** pg.Pool config + adapter options for a Prisma-style PostgreSQL URL. */
function poolConfigFor(url) {
  const { parsed, schema, connectTimeout } = parseDatabaseUrl(url);
  const clean = new URL(parsed.toString());
  for (const name of PRISMA_ONLY_PARAMS) clean.searchParams.delete(name);
  const config = {
    connectionString: clean.toString(),
    Client: CharAsTextClient,
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
async function withClient(url, fn) {
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
async function withMaintenanceClient(url, fn) {
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

function quoteIdent(name) {
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

async function dropDatabaseWith(client, database) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } catch (error) {
    if (error?.code !== "42601") throw error; // before PostgreSQL 13: no WITH (FORCE)
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Driver adapter factory (main database + shadow database)
// ---------------------------------------------------------------------------------------------

async function connectAdapter(url, cleanups, hooks = {}) {
  const { config, adapterOptions } = poolConfigFor(url);
  const adapter = await new PrismaPg(config, adapterOptions).connect();
  // adapter-pg splits scripts on ";" (breaks DO $$ … $$ blocks and strings). Send the script
  // as one simple-protocol query instead, like the native engine: it runs as one implicit
  // transaction, so a broken migration leaves no half-applied statements behind.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // The engine shortens some PostgreSQL errors (42P01 becomes "No such table: x"); keep the
      // original so the reported failure says what PostgreSQL said.
      hooks.onScriptError?.(error);
      adapter.onError(error);
    }
  };
  let disposed = false;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    if (disposed) return;
    disposed = true;
    await dispose();
  };
  cleanups.push(() => adapter.dispose());
  return adapter;
}

async function singleValue(adapter, sql) {
  const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
  return result.rows[0]?.[0];
}

// Identity of the database behind a connection: same name + oid + server start time = same db.
const IDENTITY_SQL =
  "SELECT current_database() || '/' || (SELECT oid FROM pg_database WHERE datname = current_database())::text || '/' || pg_postmaster_start_time()::text";

async function wipeShadowSchemas(adapter, schema) {
  const schemas = await adapter.queryRaw({
    sql: "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    args: [],
    argTypes: [],
  });
  const drops = schemas.rows.map(([name]) => `DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE;`);
  await adapter.executeScript(
    `${drops.join("\n")}\nCREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema ?? "public")};`,
  );
}

/**
 * Builds the migration-aware adapter factory handed to the wasm engine.
 *
 * The shadow database is handled here, NOT by adapter-pg's connectToShadowDb(): with a
 * connectionString that one creates a temporary database but connects to the main database
 * (the connection string wins over `database`), so migrations would be replayed into real data.
 *
 * @param {{ url?: string, shadowDatabaseUrl?: string, log?: (entry: object) => void }} options
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, log } = {}) {
  const cleanups = [];
  let lastScriptError;
  const hooks = {
    onScriptError(error) {
      lastScriptError = error;
    },
  };
  const note = (level, message, fields = {}) =>
    log?.({ level, message, target: "warroom::bridge", fields: { message, ...fields } });

  const requireUrl = () => {
    if (!url) {
      throw new SchemaEngineError(
        "No datasource URL: set DATABASE_URL (prisma.config.ts passes it as datasource.url).",
        { code: "P1012" },
      );
    }
    return url;
  };

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",

    async connect() {
      return connectAdapter(requireUrl(), cleanups, hooks);
    },

    async connectToShadowDb() {
      const mainUrl = requireUrl();
      if (shadowDatabaseUrl) {
        // Explicit shadow database: the engine never resets it and may connect several times
        // per command, so wipe it on every connect. Refuse if it is the main database.
        const shadow = await connectAdapter(shadowDatabaseUrl, cleanups, hooks);
        const shadowId = await singleValue(shadow, IDENTITY_SQL);
        const mainId = await withClient(mainUrl, async (client) => {
          const { rows } = await client.query({ text: IDENTITY_SQL, rowMode: "array" });
          return rows[0][0];
        }).catch(() => undefined);
        if (mainId !== undefined && mainId === shadowId) {
          await shadow.dispose();
          throw new SchemaEngineError(
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
            { code: "P3014" },
          );
        }
        await wipeShadowSchemas(shadow, parseDatabaseUrl(shadowDatabaseUrl).schema);
        note("INFO", "Connected to the explicit shadow database (wiped).");
        return shadow;
      }

      // Temporary shadow database: create it, connect to ITS OWN url, drop it on dispose.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(mainUrl, async (client) => {
        try {
          await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
        } catch (error) {
          throw new SchemaEngineError(
            `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases (CREATEDB), or set shadowDatabaseUrl. Original error: ${error.message}`,
            { code: "P3014", cause: error },
          );
        }
      });
      const drop = async () => {
        await withMaintenanceClient(mainUrl, (client) => dropDatabaseWith(client, name)).catch(
          (error) =>
            note("WARN", `Could not drop the temporary shadow database ${name}: ${error.message}`),
        );
      };
      let shadow;
      try {
        shadow = await connectAdapter(withDatabase(mainUrl, name), cleanups, hooks);
        const current = await singleValue(shadow, "SELECT current_database()");
        if (current !== name) {
          throw new SchemaEngineError(
            `Connected to database \`${current}\` instead of the temporary shadow database \`${name}\` (does this server ignore the database name, like PGlite?). Refusing to replay migrations there; set shadowDatabaseUrl to a separate database.`,
            { code: "P3014" },
          );
        }
      } catch (error) {
        await shadow?.dispose().catch(() => {});
        await drop();
        throw error;
      }
      const dispose = shadow.dispose;
      let dropped = false;
      shadow.dispose = async () => {
        await dispose().catch(() => {});
        if (!dropped) {
          dropped = true;
          await drop();
        }
      };
      cleanups.push(() => shadow.dispose());
      note("INFO", `Created the temporary shadow database ${name}.`);
      return shadow;
    },
  };

  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    /** Returns and forgets the last PostgreSQL error raised by a script (migration, db execute). */
    takeScriptError() {
      const error = lastScriptError;
      lastScriptError = undefined;
      return error;
    },
    /** Closes every pool and drops every temporary shadow database still around. */
    async close() {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    },
  };
}

/**
 * Adapter factory for schema-to-schema diffs when no database is reachable. The wasm engine runs
 * one bootstrap query when it starts (schema exists? server version?) even when the command never
 * touches a database; this answers only that query (as PostgreSQL 15) and fails everything else.
 */
export function createOfflineAdapterFactory() {
  const offlineError = () =>
    new SchemaEngineError("No database connection: the bridge is diffing offline.", {
      code: "P1001",
    });
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw({ sql }) {
      if (
        /^\s*SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(sql)
      ) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 15.0 (offline: no database connection)", 150000]],
        };
      }
      throw offlineError();
    },
    async executeRaw() {
      throw offlineError();
    },
    async executeScript() {
      throw offlineError();
    },
    async startTransaction() {
      throw offlineError();
    },
    getConnectionInfo() {
      return { schemaName: undefined, supportsRelationJoins: true };
    },
    async dispose() {},
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory({
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: async () => adapter,
      connectToShadowDb: async () => {
        throw offlineError();
      },
    }),
    async close() {},
  };
}

// ---------------------------------------------------------------------------------------------
// Engine sessions
// ---------------------------------------------------------------------------------------------

/** Forwards one engine log line (a JSON string) to log() as an object. */
function parseLogLine(line) {
  try {
    const entry = JSON.parse(line);
    return {
      level: entry.level ?? "INFO",
      message: entry.fields?.message ?? "",
      target: entry.target,
      fields: entry.fields ?? {},
    };
  } catch {
    return { level: "INFO", message: String(line).trim(), target: undefined, fields: {} };
  }
}

/**
 * Opens a wasm engine on a database. Call `close()` when done.
 * @param {{ url?: string, shadowDatabaseUrl?: string, datamodels?: [string, string][],
 *   log?: (entry: object) => void, onLogLine?: (line: string) => void, offline?: boolean }} options
 */
export async function openEngine({
  url,
  shadowDatabaseUrl,
  datamodels,
  log,
  onLogLine,
  offline = false,
} = {}) {
  const wasm = await loadWasmEngine();
  const adapters = offline
    ? createOfflineAdapterFactory()
    : createAdapterFactory({ url, shadowDatabaseUrl, log });
  const callback = (line) => {
    onLogLine?.(String(line));
    log?.(parseLogLine(line));
  };
  let engine;
  try {
    engine = await wasm.SchemaEngine.new(
      { datamodels: datamodels?.length ? datamodels : undefined },
      callback,
      adapters.factory,
    );
  } catch (error) {
    await adapters.close();
    const engineError = toEngineError(withExternalError(error, adapters.factory));
    if (engineError.isPanic) await markPoisoned();
    throw engineError;
  }

  return {
    engine,
    /** Calls an engine method, converting failures to SchemaEngineError. */
    async call(method, params) {
      if (typeof engine[method] !== "function") {
        throw new SchemaEngineError(`The wasm schema engine has no method \`${method}\`.`);
      }
      adapters.takeScriptError?.();
      try {
        return await engine[method](params);
      } catch (error) {
        const engineError = toEngineError(
          withScriptError(withExternalError(error, adapters.factory), adapters.takeScriptError?.()),
        );
        if (engineError.isPanic) await markPoisoned();
        throw engineError;
      }
    },
    async close() {
      try {
        engine.free();
      } catch {
        // already freed or poisoned by a panic
      }
      await adapters.close();
    },
  };
}

/** Appends PostgreSQL's own code and message for a failed script, like the native engine. */
function withScriptError(error, pgError) {
  if (!pgError?.code) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes(pgError.message)) return error;
  const lines = [
    `Database error code: ${pgError.code}`,
    `Database error: ERROR: ${pgError.message}`,
  ];
  if (pgError.detail) lines.push(`DETAIL: ${pgError.detail}`);
  if (pgError.hint) lines.push(`HINT: ${pgError.hint}`);
  if (pgError.position) lines.push(`Position: ${pgError.position}`);
  // Insert before the engine's span trace ("   0: …") so one-line summaries keep it.
  const trace = /^\s+\d+: /m.exec(message);
  const at = trace ? trace.index : message.length;
  const combined = new Error(
    `${message.slice(0, at).trimEnd()}\n${lines.join("\n")}\n${message.slice(at)}`.trimEnd(),
  );
  if (error?.code) combined.code = error.code;
  return combined;
}

/**
 * The engine reports errors thrown by our adapter factory as "External error id#N"; the
 * original error waits in the bound factory's error registry. Put its message back.
 */
function withExternalError(error, factory) {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  const original = match
    ? factory.errorRegistry?.consumeError?.(Number(match[1]))?.error
    : undefined;
  if (!original) return error;
  const detail = original.message ?? original.cause?.message ?? String(original);
  const combined = new Error(message.replace(match[0], detail));
  if (original.code) combined.code = original.code;
  return combined;
}

// ---------------------------------------------------------------------------------------------
// Migrations directory (read exactly like the Prisma CLI does)
// ---------------------------------------------------------------------------------------------

/**
 * Reads a migrations directory into the engine's MigrationList shape.
 * @param {string} migrationsDir
 * @param {string} [shadowDbInitScript]
 */
export async function readMigrationsList(migrationsDir, shadowDbInitScript = "") {
  const baseDir = path.resolve(migrationsDir);
  const lockfilePath = "migration_lock.toml";
  const lockContent = await fs.readFile(path.join(baseDir, lockfilePath), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await fs
      .readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((error) => ({ tag: "error", value: error.message }));
    migrationDirectories.push({
      path: entry.name,
      migrationFile: { path: "migration.sql", content },
    });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockContent },
    migrationDirectories,
    shadowDbInitScript,
  };
}

async function readDatamodels(schemaPath) {
  if (!schemaPath) return undefined;
  const content = await fs.readFile(schemaPath, "utf8").catch(() => undefined);
  return content === undefined ? undefined : [[path.resolve(schemaPath), content]];
}

async function withSession(options, fn) {
  const session = await openEngine(options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Public API for the app server
// ---------------------------------------------------------------------------------------------

/**
 * Applies every pending migration of migrationsDir to the database at url, in-process (no CLI).
 * Creates the database first when it does not exist (like `prisma migrate deploy`).
 * Throws an Error with a one-line message on failure.
 */
export async function applyMigrations({
  url,
  migrationsDir = "prisma/migrations",
  schemaPath,
  log,
  createDatabaseIfMissing = true,
}) {
  try {
    if (!url) throw new SchemaEngineError("applyMigrations: no database url given.");
    const migrationsList = await readMigrationsList(migrationsDir);
    if (createDatabaseIfMissing) {
      try {
        await canConnectToDatabase(url);
      } catch (error) {
        if (error?.code !== "P1003") throw error;
        const name = await createDatabase(url);
        log?.({
          level: "INFO",
          message: `Created database ${name}.`,
          target: "warroom::bridge",
          fields: { message: `Created database ${name}.` },
        });
      }
    }
    const datamodels = await readDatamodels(schemaPath);
    return await withSession({ url, datamodels, log }, async (session) => {
      const output = await session.call("applyMigrations", { migrationsList, filters: NO_FILTERS });
      return { appliedMigrationNames: output.appliedMigrationNames };
    });
  } catch (error) {
    throw oneLineError("Applying database migrations failed", error);
  }
}

/**
 * Compares migrationsDir with the database's _prisma_migrations table (no shadow database).
 * pending: migrations not applied yet; failed: migrations recorded as failed.
 */
export async function migrationStatus({ url, migrationsDir = "prisma/migrations", log }) {
  try {
    if (!url) throw new SchemaEngineError("migrationStatus: no database url given.");
    const migrationsList = await readMigrationsList(migrationsDir);
    return await withSession({ url, log }, async (session) => {
      const result = await session.call("diagnoseMigrationHistory", {
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      const history = result.history;
      const pending =
        history && "unappliedMigrationNames" in history ? history.unappliedMigrationNames : [];
      const unknown =
        history && "unpersistedMigrationNames" in history ? history.unpersistedMigrationNames : [];
      return {
        pending,
        failed: result.failedMigrationNames,
        hasMigrationsTable: result.hasMigrationsTable,
        edited: result.editedMigrationNames,
        unknown,
        upToDate:
          pending.length === 0 && result.failedMigrationNames.length === 0 && unknown.length === 0,
      };
    });
  } catch (error) {
    throw oneLineError("Reading the database migration status failed", error);
  }
}

function oneLineError(prefix, error) {
  const engineError = toEngineError(error);
  const code = engineError.code ? ` (${engineError.code})` : "";
  const wrapped = new SchemaEngineError(`${prefix}${code}: ${oneLine(engineError.message)}`, {
    code: engineError.code,
    isPanic: engineError.isPanic,
    meta: engineError.meta,
    cause: error,
  });
  return wrapped;
}
