#!/usr/bin/env node
// Warroom schema-engine bridge: an executable the Prisma CLI runs as its "schema-engine binary"
// (PRISMA_SCHEMA_ENGINE_BINARY, set in prisma.config.ts). It speaks the native engine's CLI
// protocol and delegates the work to Prisma's official WebAssembly schema engine through
// @prisma/adapter-pg (see engine.mjs and README.md). PostgreSQL only.
//
//   bridge.mjs --version
//   bridge.mjs --datasource <json> cli can-connect-to-database|create-database|drop-database
//   bridge.mjs [--datamodels <path>]… [--datasource <json>]   (JSON-RPC 2.0 on stdin/stdout)
//
// Debugging: WARROOM_BRIDGE_DEBUG=1 logs every request and response to stderr.

import fs from "node:fs/promises";
import readline from "node:readline";

import {
  canConnectToDatabase,
  createDatabase,
  describePgError,
  dropDatabase,
  errorCodeFor,
  openEngine,
  parseDatabaseUrl,
  SchemaEngineError,
  toEngineError,
  WASM_PACKAGE_VERSION,
  wasmEngineVersion,
} from "./engine.mjs";

const DEBUG = /^(1|true|yes)$/i.test(process.env.WARROOM_BRIDGE_DEBUG ?? "");

// ---------------------------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------------------------

/** One JSON log line on stderr, in the native engine's tracing format. */
function logLine(level, message, extra = {}, { newline = true } = {}) {
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  });
  process.stderr.write(newline ? `${line}\n` : line);
}

function debug(message, extra) {
  if (DEBUG) logLine("DEBUG", message, extra);
}

function redact(text, url) {
  return url ? String(text).replaceAll(url, "<REDACTED>") : String(text);
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { datamodels: [], datasource: undefined, positional: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`Missing value for ${arg}`);
      return argv[++i];
    };
    if (arg === "--version" || arg === "-V") options.version = true;
    else if (arg === "--datamodels" || arg === "-d") options.datamodels.push(value());
    else if (arg.startsWith("--datamodels=")) options.datamodels.push(arg.slice(13));
    else if (arg === "--datasource") options.datasource = JSON.parse(value());
    else if (arg.startsWith("--datasource=")) options.datasource = JSON.parse(arg.slice(13));
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "--help" || arg === "-h") options.help = true;
    else options.positional.push(arg);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// `cli <command>` mode
// ---------------------------------------------------------------------------------------------

async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  // The Prisma CLI skips the first stderr line and parses every following one as JSON.
  logLine("INFO", `Warroom schema-engine bridge: ${command}`);
  try {
    if (!url) throw new SchemaEngineError("Missing --datasource with a url.", { code: "P1012" });
    parseDatabaseUrl(url);
    switch (command) {
      case "can-connect-to-database":
        await canConnectToDatabase(url);
        break;
      case "create-database":
        process.stdout.write(`${await createDatabase(url)}\n`);
        break;
      case "drop-database":
        process.stdout.write(`${await dropDatabase(url)}\n`);
        break;
      default:
        throw new SchemaEngineError(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    const engineError = error instanceof SchemaEngineError ? error : describePgError(error, url);
    logLine(
      "ERROR",
      redact(engineError.message, url),
      { error_code: engineError.code ?? errorCodeFor(engineError.message) ?? "" },
      { newline: false },
    );
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC mode
// ---------------------------------------------------------------------------------------------

function send(message) {
  const text = JSON.stringify(message);
  debug("send", { json: text.length > 2000 ? `${text.slice(0, 2000)}…` : text });
  process.stdout.write(`${text}\n`);
}

function errorResponse(id, error, url) {
  const engineError = toEngineError(error);
  const message = redact(engineError.message, url);
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: {
        is_panic: engineError.isPanic,
        message,
        error_code: engineError.code ?? null,
        meta: engineError.meta ?? {},
        ...(engineError.isPanic ? { error: { message } } : {}),
      },
    },
  };
}

const DB_FREE_DIFF_TARGETS = new Set(["empty", "schemaDatamodel"]);
const UNREACHABLE_CODES = new Set(["P1000", "P1001", "P1002", "P1003"]);

async function serveRpc(options) {
  const datasource = options.datasource ?? {};
  const url = datasource.url;
  const datamodels = [];
  for (const file of options.datamodels) {
    datamodels.push([file, await fs.readFile(file, "utf8")]);
  }

  /** @type {Map<string, Promise<Awaited<ReturnType<typeof openEngine>>>>} */
  const sessions = new Map();
  const forward = (line) => process.stderr.write(`${String(line).trimEnd()}\n`);

  /** Opens (once) an engine session on a database url; offline = no database at all. */
  const session = (target = url, { offline = false } = {}) => {
    const key = offline ? "\0offline" : (target ?? "");
    let opened = sessions.get(key);
    if (!opened) {
      opened = openEngine({
        url: target,
        shadowDatabaseUrl: target === url ? datasource.shadowDatabaseUrl : undefined,
        datamodels,
        offline,
        onLogLine: forward,
      });
      sessions.set(key, opened);
      opened.catch(() => sessions.delete(key));
    }
    return opened;
  };

  const call = async (method, params, target) => {
    const s = await session(target);
    try {
      return await s.call(method, params);
    } catch (error) {
      if (toEngineError(error).isPanic) sessions.delete(target ?? "");
      throw error;
    }
  };

  // print requests we sent to the CLI, waiting for its acknowledgement
  let nextPrintId = 1;
  const pendingPrints = new Map();
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const handlers = {
    async getDatabaseVersion(params) {
      return call("version", params ?? undefined);
    },
    async createDatabase(params) {
      const target =
        params?.datasource?.tag === "ConnectionString" ? params.datasource.url : (url ?? "");
      return { databaseName: await createDatabase(target) };
    },
    async dbExecute(params) {
      const target = params?.datasourceType?.tag === "url" ? params.datasourceType.url : url;
      await call("dbExecute", params, target);
      return null;
    },
    async diff(params) {
      let result;
      const dbFree =
        DB_FREE_DIFF_TARGETS.has(params?.from?.tag) && DB_FREE_DIFF_TARGETS.has(params?.to?.tag);
      try {
        result = await call("diff", params);
      } catch (error) {
        // Schema-to-schema diffs need no database; the wasm engine still connects at start-up.
        if (!dbFree || !UNREACHABLE_CODES.has(toEngineError(error).code)) throw error;
        logLine("INFO", "No database reachable: diffing offline (schema to schema).");
        result = await (await session(undefined, { offline: true })).call("diff", params);
      }
      if (result.stdout !== null && result.stdout !== undefined) {
        await printThroughCli(result.stdout);
      }
      return { exitCode: result.exitCode };
    },
    async reset(params) {
      await call("reset", params);
      return null;
    },
  };

  const handle = async (request) => {
    const { id, method, params } = request;
    debug("recv", { method, id });
    try {
      const handler = handlers[method];
      const result = handler ? await handler(params) : await call(method, params);
      if (id !== undefined) send({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (error) {
      const engineError = toEngineError(error);
      logLine("ERROR", redact(engineError.message, url), {
        error_code: engineError.code ?? "",
      });
      if (id !== undefined) send(errorResponse(id, engineError, url));
    }
  };

  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    // Responses to our own print requests.
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    // One request at a time, in order (the engine is not re-entrant).
    queue = queue.then(() => handle(message));
  });

  await new Promise((resolve) => input.on("close", resolve));
  await queue;
  for (const opened of sessions.values()) {
    await opened.then((s) => s.close()).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.version) {
    process.stdout.write(
      `schema-engine-cli ${await wasmEngineVersion()} (warroom wasm bridge, @prisma/schema-engine-wasm ${WASM_PACKAGE_VERSION})\n`,
    );
    return 0;
  }
  if (options.help) {
    process.stdout.write(
      "Warroom schema-engine bridge (Prisma WebAssembly schema engine, PostgreSQL)\n" +
        "  --version\n" +
        "  --datasource <json> cli can-connect-to-database|create-database|drop-database\n" +
        "  [--datamodels <path>]... [--datasource <json>]   JSON-RPC 2.0 on stdin/stdout\n",
    );
    return 0;
  }
  if (options.positional[0] === "cli") {
    return runCliCommand(options.positional[1], options.datasource);
  }
  await serveRpc(options);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    logLine("ERROR", error?.stack ?? String(error), { is_panic: false });
    process.exit(1);
  },
);
