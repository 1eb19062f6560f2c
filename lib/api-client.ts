// Browser-side fetch helpers: JSON in, JSON out, problem+json turned into an Error with fields.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: { path: string; message: string }[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: {
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...rest.headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      errors?: { path: string; message: string }[];
      current?: unknown;
    };
    throw new ApiError(
      problem.detail ?? `Request failed (${response.status})`,
      response.status,
      problem.errors,
      problem.current,
    );
  }
  return (await response.json()) as T;
}
