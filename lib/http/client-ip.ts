// server.ts stamps every request with the socket's address (or, behind a trusted proxy, the
// first X-Forwarded-For hop) and strips any client-sent copy, so this header can be believed.

export const CLIENT_IP_HEADER = "x-warroom-client-ip";

type HeaderSource = { get(name: string): string | null };

export function clientIp(headers: HeaderSource): string | undefined {
  return headers.get(CLIENT_IP_HEADER)?.slice(0, 64) || undefined;
}
