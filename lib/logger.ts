import pino, { type Logger } from "pino";
import { env } from "./env";

// Secrets never reach the log: these paths are redacted wherever they appear.
const REDACT = [
  "password",
  "*.password",
  "*.passwordHash",
  "token",
  "*.token",
  "req.headers.cookie",
  "req.headers.authorization",
  "headers.cookie",
  "headers.authorization",
];

function createLogger(): Logger {
  const e = env();
  return pino({
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
