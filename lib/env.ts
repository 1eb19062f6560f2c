import { z } from "zod";

// The one reader of process.env. A wrong value fails at boot with a message naming the variable.

const port = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
  message: "must be a postgresql:// URL",
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url({ message: "must be an absolute http(s) URL" }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Absolute session lifetime: sign in again after this, however active. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  /** Idle lifetime: a session unused for this long ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** Writes per signed-in user per minute (route handlers); 429 beyond it. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Behind a reverse proxy: believe the first X-Forwarded-For hop as the client address. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Space-separated CSP frame-ancestors allowed to frame /status (e.g. https://example.com). */
  STATUS_FRAME_ANCESTORS: z
    .string()
    .trim()
    .refine((v) => v.split(/\s+/).every((s) => /^(https?:\/\/[^\s;,']+|'self')$/.test(s)), {
      message: "must be space-separated https://origin values or 'self'",
    })
    .optional(),
  /** Optional OpenID Connect single sign-on; local sign-in always stays available. */
  OIDC_ISSUER: z.url({ message: "must be the issuer URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default("Single sign-on"),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_PRETTY: z.enum(["0", "1"]).optional(),
  STATUS_PAGE_NAME: z.string().trim().min(1).max(100).default("Warroom"),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/.+/.test(v), { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Warroom Status <status@localhost>"),
});

export type Env = z.infer<typeof EnvSchema>;

const OIDC_KEYS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.superRefine((e, ctx) => {
    const set = OIDC_KEYS.filter((k) => e[k] !== undefined);
    if (set.length > 0 && set.length < OIDC_KEYS.length) {
      for (const k of OIDC_KEYS.filter((k) => e[k] === undefined)) {
        ctx.addIssue({ code: "custom", path: [k], message: `is required with ${set.join(", ")}` });
      }
    }
  }).safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) =>
        `${issue.path.join(".")} ${issue.message} (got ${JSON.stringify(cleaned[String(issue.path[0])])})`,
    );
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
