import type { Provider } from "next-auth/providers/index";
import type { Env } from "../env";

// Optional single sign-on with a generic OpenID Connect provider (discovery via wellKnown).
// Local email + password sign-in always stays on: the break-glass path when the IdP is down.

export const OIDC_PROVIDER_ID = "oidc";

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

export function oidcConfig(e: Env): OidcConfig | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME,
  };
}

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

export function oidcProvider(config: OidcConfig): Provider {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: OidcProfile) {
      return {
        id: profile.sub,
        email: profile.email_verified === false ? null : (profile.email ?? null),
        name: profile.name ?? profile.email ?? profile.sub,
      };
    },
  } as Provider;
}
