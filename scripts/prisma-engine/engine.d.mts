// Types for engine.mjs (the Warroom schema-engine bridge core). Keep in sync with engine.mjs and
// the sibling modules it re-exports from (errors, wasm, pg-admin, adapter, migrations .mjs).
// Those modules are internal: import everything through engine.mjs.

/** One log record from the wasm engine or the bridge. */
export interface EngineLogEntry {
  /** "INFO", "WARN", "ERROR", "DEBUG", … as reported by the engine. */
  level: string;
  message: string;
  target: string | undefined;
  fields: Record<string, unknown>;
}

export type EngineLog = (entry: EngineLogEntry) => void;

/** Error with the Prisma error code the native engine would have used, when known. */
export class SchemaEngineError extends Error {
  constructor(
    message: string,
    options?: { code?: string; isPanic?: boolean; meta?: Record<string, unknown>; cause?: unknown },
  );
  /** e.g. "P1001" (server unreachable), "P1003" (database missing), "P3018" (migration failed). */
  readonly code: string | undefined;
  readonly isPanic: boolean;
  readonly meta: Record<string, unknown>;
}

export interface ApplyMigrationsOptions {
  /** postgresql:// URL of the database to migrate. */
  url: string;
  /** Defaults to "prisma/migrations" (relative to the process cwd). */
  migrationsDir?: string;
  /** prisma/schema.prisma, handed to the engine as its datamodel when given. */
  schemaPath?: string;
  log?: EngineLog;
  /** Create the database when it does not exist, like `prisma migrate deploy`. Default true. */
  createDatabaseIfMissing?: boolean;
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this call, oldest first; empty when the database was up to date. */
  appliedMigrationNames: string[];
}

/**
 * Applies every pending migration in-process (no CLI spawned). Throws a SchemaEngineError with a
 * one-line message on failure, e.g. "Applying database migrations failed (P3018): Migration
 * `…_x` failed: … Database error code: 42P01 | Database error: ERROR: relation "y" does not exist".
 */
export function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult>;

export interface MigrationStatusOptions {
  url: string;
  migrationsDir?: string;
  log?: EngineLog;
}

export interface MigrationStatus {
  /** Migrations in the directory that the database has not applied. */
  pending: string[];
  /** Migrations recorded as failed (fix with `prisma migrate resolve`). */
  failed: string[];
  hasMigrationsTable: boolean;
  /** Applied migrations whose migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Migrations applied in the database but missing from the directory. */
  unknown: string[];
  /** No pending, failed or unknown migrations. */
  upToDate: boolean;
}

/** Compares the migrations directory with the database (no shadow database, read-only). */
export function migrationStatus(options: MigrationStatusOptions): Promise<MigrationStatus>;

// ----- lower-level API (used by bridge.mjs) -----

export const WASM_PACKAGE_VERSION: string;
export function wasmEngineVersion(): Promise<string>;
/** The loaded @prisma/schema-engine-wasm module (compiled once per process). */
export function loadWasmEngine(): Promise<typeof import("@prisma/schema-engine-wasm")>;

export function errorCodeFor(message: string): string | undefined;
export function toEngineError(error: unknown): SchemaEngineError;
export function oneLine(message: string): string;
export function describePgError(error: unknown, url: string): SchemaEngineError;

export interface ParsedDatabaseUrl {
  parsed: URL;
  database: string;
  host: string;
  port: string;
  user: string;
  schema: string | undefined;
  connectTimeout: number;
}
export function parseDatabaseUrl(url: string): ParsedDatabaseUrl;
export function withDatabase(url: string, database: string): string;

export function canConnectToDatabase(url: string): Promise<void>;
/** Creates the database named in url; returns its name. */
export function createDatabase(url: string): Promise<string>;
/** Drops the database named in url; returns its name. */
export function dropDatabase(url: string): Promise<string>;

export interface AdapterFactoryHandle {
  /** Bound migration-aware adapter factory to pass to SchemaEngine.new. */
  factory: object;
  takeScriptError?(): unknown;
  close(): Promise<void>;
}
export function createAdapterFactory(options?: {
  url?: string;
  shadowDatabaseUrl?: string;
  log?: EngineLog;
}): AdapterFactoryHandle;
export function createOfflineAdapterFactory(): AdapterFactoryHandle;

export interface EngineSession {
  engine: import("@prisma/schema-engine-wasm").SchemaEngine;
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  close(): Promise<void>;
}
export function openEngine(options?: {
  url?: string;
  shadowDatabaseUrl?: string;
  datamodels?: [string, string][];
  log?: EngineLog;
  onLogLine?: (line: string) => void;
  offline?: boolean;
}): Promise<EngineSession>;

export function readMigrationsList(
  migrationsDir: string,
  shadowDbInitScript?: string,
): Promise<import("@prisma/schema-engine-wasm").MigrationList>;
