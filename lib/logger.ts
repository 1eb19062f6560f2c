import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { env } from "./env";

// Secrets never reach the log: these paths are redacted wherever they appear.
const REDACT = [
  "password",
  "*.password",
  "*.passwordHash",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "*.currentPassword",
  "*.newPassword",
  "*.clientSecret",
  "req.headers.cookie",
  "req.headers.authorization",
  "headers.cookie",
  "headers.authorization",
];

/** Human-readable lines for someone watching a terminal; JSON lines for log collectors. */
function prettyTransport(flag: "0" | "1" | undefined) {
  if (flag === "0" || (flag !== "1" && !process.stdout.isTTY)) return undefined;
  try {
    createRequire(`${process.cwd()}/`).resolve("pino-pretty");
  } catch {
    return undefined; // a production install without dev dependencies
  }
  return {
    target: "pino-pretty",
    options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,service" },
  };
}

function createLogger(): Logger {
  const e = env();
  return pino({
    transport: prettyTransport(e.LOG_PRETTY),
    level: e.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "warn" : e.LOG_LEVEL,
    redact: { paths: REDACT, censor: "[redacted]" },
    base: { service: "warroom" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

const globalForLogger = globalThis as unknown as { warroomLogger?: Logger };

export function logger(): Logger {
  globalForLogger.warroomLogger ??= createLogger();
  return globalForLogger.warroomLogger;
}
