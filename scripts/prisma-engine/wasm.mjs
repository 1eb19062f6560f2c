// Loading of Prisma's official WebAssembly schema engine (@prisma/schema-engine-wasm): the module
// is compiled once per process, and a fresh instance is built after a Rust panic poisoned the old
// one. Part of engine.mjs (its public surface); types in engine.d.mts.

import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

const GLUE_PATH = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

/** Version of the wasm engine package, e.g. "8.1.0-2.59be4fda…" (its package.json is not exported). */
export const WASM_PACKAGE_VERSION = JSON.parse(
  readFileSync(path.join(path.dirname(GLUE_PATH), "package.json"), "utf8"),
).version;

let compiledModule; // Promise<WebAssembly.Module>
let loaded; // Promise<{ bg, poisoned: boolean }>
let generation = 0;
/** Message of the last Rust panic (a live binding: the panic registry below updates it). */
export let lastPanicMessage = "";

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

/** Marks the current instance as poisoned (after a panic): the next load builds a new one. */
export async function markPoisoned() {
  const current = await loaded?.catch(() => undefined);
  if (current) current.poisoned = true;
}

/** Version hash of the wasm engine build (e.g. "59be4fda…"). */
export async function wasmEngineVersion() {
  return (await loadWasmEngine()).version();
}
