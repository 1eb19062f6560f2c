// Driver-adapter factories handed to the wasm schema engine, built on @prisma/adapter-pg, with
// the workarounds for its pitfalls (README.md, "Upstream pitfalls"): the "char" column type,
// scripts split on ";", and shadow databases created by the bridge itself. Also the offline
// factory for schema-to-schema diffs. Part of engine.mjs (its public surface); types in
// engine.d.mts.

import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

import { SchemaEngineError } from "./errors.mjs";
import {
  dropDatabaseWith,
  parseDatabaseUrl,
  poolConfigFor,
  quoteIdent,
  withClient,
  withDatabase,
  withMaintenanceClient,
} from "./pg-admin.mjs";

const OID_CHAR = 18; // PostgreSQL's internal one-byte "char" type
const OID_TEXT = 25;

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

// ---------------------------------------------------------------------------------------------
// Driver adapter factory (main database + shadow database)
// ---------------------------------------------------------------------------------------------

async function connectAdapter(url, cleanups, hooks = {}) {
  const { config, adapterOptions } = poolConfigFor(url);
  config.Client = CharAsTextClient;
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
