import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../env";
import { oidcConfig, oidcProvider } from "./oidc";
import { authOptions } from "./options";

// No identity provider is reachable here: these check the configuration and that local sign-in
// (the break-glass path) stays on when SSO is configured.

const SSO = {
  OIDC_ISSUER: "https://idp.example.com/realms/acme/",
  OIDC_CLIENT_ID: "warroom",
  OIDC_CLIENT_SECRET: "s3cret",
};

describe("OIDC single sign-on", () => {
  it("is off unless configured, and needs all three settings", () => {
    expect(oidcConfig(parseEnv({}))).toBeNull();
    expect(() => parseEnv({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toThrow(EnvError);
    expect(() => parseEnv({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID is required/);
    expect(() => parseEnv({ ...SSO, OIDC_ISSUER: "not a url" })).toThrow(/OIDC_ISSUER/);
  });

  it("builds a generic provider that discovers the IdP through its well-known document", () => {
    const config = oidcConfig(parseEnv({ ...SSO, OIDC_NAME: "Acme SSO" }))!;
    expect(config).toEqual({
      issuer: "https://idp.example.com/realms/acme",
      clientId: "warroom",
      clientSecret: "s3cret",
      name: "Acme SSO",
    });
    const provider = oidcProvider(config) as unknown as Record<string, unknown>;
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://idp.example.com/realms/acme/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
    });
    const profile = provider.profile as (p: object) => { email: string | null };
    expect(profile({ sub: "1", email: "a@b.c", email_verified: false }).email).toBeNull();
    expect(profile({ sub: "1", email: "a@b.c", email_verified: true }).email).toBe("a@b.c");
  });

  it("keeps the local email + password sign-in when SSO is configured", () => {
    const withSso = authOptions(parseEnv({ ...process.env, ...SSO }));
    expect(withSso.providers.map((p) => p.id)).toEqual(["credentials", "oidc"]);
    const without = authOptions(parseEnv({ ...process.env }));
    expect(without.providers.map((p) => p.id)).toEqual(["credentials"]);
  });
});
