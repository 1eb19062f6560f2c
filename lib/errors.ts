import type { z } from "zod";

// One error hierarchy, one status table. Services throw these; the HTTP and socket layers map them.

export type FieldError = { path: string; message: string };

export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  validation: "Invalid request",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Request body too large",
  unprocessable: "Unprocessable request",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  get title(): string {
    return TITLES[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in to continue");
export const conflict = (message: string, current?: unknown) =>
  new AppError("conflict", message, { current });
export const unavailable = (message = "The database is unreachable; try again shortly") =>
  new AppError("unavailable", message);

export function validationError(fields: FieldError[]): AppError {
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
  return new AppError("validation", summary || "Invalid input", { fields });
}

/** Turns a zod error into field errors that name each invalid field. */
export function fieldErrorsFromZod(error: {
  issues: { path: PropertyKey[]; message: string }[];
}): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/** Also true for AppErrors from another bundle of this module (server.ts vs Next's chunks). */
/** Parses a service input with its zod schema; a 400 naming every invalid field otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsFromZod(result.error));
  return result.data;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === "AppError");
}
