// Errors of the Warroom schema-engine bridge: SchemaEngineError, the mapping of the wasm engine's
// plain messages back to Prisma error codes, and the enrichment of engine failures with the
// original adapter / PostgreSQL error. Part of engine.mjs (its public surface); types in
// engine.d.mts.

import { lastPanicMessage } from "./wasm.mjs";

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

/** Appends PostgreSQL's own code and message for a failed script, like the native engine. */
export function withScriptError(error, pgError) {
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
export function withExternalError(error, factory) {
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
