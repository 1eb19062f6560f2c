import { isAppError } from "../errors";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  current?: unknown;
};

/** An RFC 9457 problem body. Unknown errors become a generic 500 that leaks nothing. */
export function toProblem(error: unknown, requestId: string): Problem {
  if (isAppError(error)) {
    return {
      type: `about:blank`,
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId,
      ...(error.extra.fields ? { errors: error.extra.fields } : {}),
      ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
    };
  }
  if (isDatabaseDown(error)) {
    return {
      type: "about:blank",
      title: "Service unavailable",
      status: 503,
      detail: "The database is unreachable; nothing was changed. Try again shortly.",
      code: "unavailable",
      requestId,
    };
  }
  return {
    type: "about:blank",
    title: "Internal error",
    status: 500,
    detail: `Something went wrong on our side. Quote request ${requestId} when reporting it.`,
    code: "internal",
    requestId,
  };
}

function isDatabaseDown(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : "";
  return /ECONNREFUSED|ENOENT|Connection terminated|DatabaseNotReachable|connect ETIMEDOUT|P1001/i.test(
    text,
  );
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      "x-request-id": problem.requestId,
      ...headers,
    },
  });
}
