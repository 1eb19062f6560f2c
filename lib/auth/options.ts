import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { env, type Env } from "../env";
import { bumpSessionVersion } from "./end-sessions";
import { isPastAbsoluteLifetime } from "./session-lifetime";
import { OIDC_PROVIDER_ID, oidcConfig, oidcProvider } from "./oidc";
import { auditSignIn, signInWithPassword, whereFrom } from "./sign-in";

const Credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (server.ts sets one at boot)");
  return secret;
}

async function activeUserByEmail(email: string | null | undefined) {
  if (!email) return null;
  return db().user.findFirst({ where: { email: email.trim().toLowerCase(), disabledAt: null } });
}

/** next-auth's options; `e` is a parameter so tests can check other configurations. */
export function authOptions(e: Env = env()): NextAuthOptions {
  const oidc = oidcConfig(e);
  const idleSeconds = Math.round(e.SESSION_IDLE_MINUTES * 60);
  return {
    secret: authSecret(),
    // maxAge is the idle lifetime: each /api/auth/session call (the console pings it on
    // activity) re-issues the cookie; the absolute lifetime is enforced on the `at` claim.
    session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 0 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, req) {
          const parsed = Credentials.safeParse(raw);
          if (!parsed.success) return null;
          const user = await signInWithPassword(
            parsed.data.email,
            parsed.data.password,
            whereFrom(req?.headers),
          );
          if (!user) return null;
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            sv: user.sessionVersion,
          };
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        // SSO admits only people an admin already invited (matched by verified email).
        const local = await activeUserByEmail(user.email);
        await auditSignIn(
          local
            ? { type: "user", id: local.id, name: local.name, email: local.email, role: local.role }
            : { type: "anonymous" },
          {},
          local ? "auth.signin" : "auth.signin.failed",
          { method: "oidc", email: user.email ?? null },
        );
        return Boolean(local);
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === OIDC_PROVIDER_ID) {
          const local = await activeUserByEmail(user.email);
          if (!local) throw new Error("AccessDenied");
          Object.assign(token, { uid: local.id, role: local.role, sv: local.sessionVersion });
          token.at = Math.floor(Date.now() / 1000);
        } else if (user) {
          const u = user as typeof user & { role: string; sv: number };
          token.uid = u.id;
          token.role = u.role;
          token.sv = u.sv;
          token.at = Math.floor(Date.now() / 1000);
        }
        // Throwing here makes next-auth clear the cookie.
        if (isPastAbsoluteLifetime(token.at)) throw new Error("SessionExpired");
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid, role: token.role } };
      },
    },
    events: {
      async signOut({ token }) {
        // Sign-out ends every copy of the session token, not just this browser's cookie.
        const uid = typeof token?.uid === "string" ? token.uid : null;
        if (uid) await bumpSessionVersion(uid, "auth.signout");
      },
    },
  };
}
