import { getToken } from "next-auth/jwt";
import type { Actor } from "../context";
import { authSecret } from "./options";
import { actorFromClaims, type SessionClaims } from "./users";

type CookieSource = { headers: Record<string, string | string[] | undefined> };

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The actor behind a raw Node request (socket.io handshake): getToken ignores a raw Cookie header. */
export async function actorFromRequest(req: CookieSource): Promise<Actor | null> {
  const cookieHeader = req.headers.cookie;
  const cookies = parseCookies(
    Array.isArray(cookieHeader) ? cookieHeader.join("; ") : cookieHeader,
  );
  const token = await getToken({
    req: { headers: req.headers, cookies } as never,
    secret: authSecret(),
  });
  return actorFromClaims(token as Partial<SessionClaims> | null);
}

/** The actor of the current server component or route handler request. */
export async function currentActor(): Promise<Actor | null> {
  const { cookies, headers } = await import("next/headers");
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: {
      headers: Object.fromEntries(headerList.entries()),
      cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])),
    } as never,
    secret: authSecret(),
  });
  return actorFromClaims(token as Partial<SessionClaims> | null);
}
