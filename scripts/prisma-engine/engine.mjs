// Shared core of the Warroom schema-engine bridge: loads Prisma's official WebAssembly schema
// engine (@prisma/schema-engine-wasm) and drives it through @prisma/adapter-pg, so migrations work
// without the native `schema-engine` binary that the Prisma CLI would otherwise download.
//
// Used by bridge.mjs (the executable the Prisma CLI spawns through PRISMA_SCHEMA_ENGINE_BINARY)
// and by the app server at start-up (applyMigrations / migrationStatus, no CLI spawned).
// Plain ESM JavaScript on purpose: it must run without a build step. Types: engine.d.mts.
//
// This file is the public surface: it holds the engine sessions and the app-server API, and
// re-exports the rest from its sibling modules:
//   errors.mjs      SchemaEngineError, Prisma error codes for engine messages
//   wasm.mjs        loading the wasm engine (compiled once per process), panic handling
//   pg-admin.mjs    connection strings, connectivity checks, create/drop database
//   adapter.mjs     driver-adapter factories and their upstream-pitfall workarounds
//   migrations.mjs  reading the migrations directory

import { createAdapterFactory, createOfflineAdapterFactory } from "./adapter.mjs";
import {
  oneLine,
  SchemaEngineError,
  toEngineError,
  withExternalError,
  withScriptError,
} from "./errors.mjs";
import { readDatamodels, readMigrationsList } from "./migrations.mjs";
import { canConnectToDatabase, createDatabase } from "./pg-admin.mjs";
import { loadWasmEngine, markPoisoned } from "./wasm.mjs";

export { createAdapterFactory, createOfflineAdapterFactory } from "./adapter.mjs";
export { errorCodeFor, oneLine, SchemaEngineError, toEngineError } from "./errors.mjs";
export { readMigrationsList } from "./migrations.mjs";
export {
  canConnectToDatabase,
  createDatabase,
  describePgError,
  dropDatabase,
  parseDatabaseUrl,
  withDatabase,
} from "./pg-admin.mjs";
export { loadWasmEngine, WASM_PACKAGE_VERSION, wasmEngineVersion } from "./wasm.mjs";

const NO_FILTERS = Object.freeze({ externalTables: [], externalEnums: [] });

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
