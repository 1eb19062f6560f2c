// The demo world a newcomer sees first: one user per role, the protocol's components and
// degradation flags, and one live SEV1 payment incident.

export const DEMO_PASSWORD = "warroom-demo-7431";

export const DEMO_USERS = [
  { email: "admin@warroom.test", name: "Ada Admin", role: "admin" },
  { email: "commander@warroom.test", name: "Casey Commander", role: "responder" },
  { email: "comms@warroom.test", name: "Morgan Comms", role: "responder" },
  { email: "ops@warroom.test", name: "Olive Ops", role: "responder" },
  { email: "scribe@warroom.test", name: "Sam Scribe", role: "responder" },
  { email: "viewer@warroom.test", name: "Vic Viewer", role: "viewer" },
] as const;

export const DEMO_COMPONENTS = [
  { name: "Checkout", group: "Payments", description: "Cart and order placement" },
  {
    name: "Payment processing",
    group: "Payments",
    description: "Card and wallet payments via our gateway",
  },
  { name: "Sign-in", group: "Accounts", description: "Login, SSO and session refresh" },
  { name: "Customer dashboard", group: "Accounts", description: "Orders, invoices and settings" },
  { name: "Public API", group: "Platform", description: "REST API for integrations" },
  { name: "Static assets (CDN)", group: "Platform", description: "Images, scripts and downloads" },
] as const;

export const DEMO_FLAGS = [
  {
    key: "payments.defer_mode",
    kind: "kill_switch",
    dependencyCategory: "payment",
    description:
      "Queue payments for later capture instead of charging now, so orders keep flowing while the payment gateway is down.",
  },
  {
    key: "auth.extend_sessions",
    kind: "degradation",
    dependencyCategory: "auth",
    description:
      "Extend existing sessions so signed-in users are not logged out while the identity provider is unavailable.",
  },
  {
    key: "auth.jwks_grace_mode",
    kind: "degradation",
    dependencyCategory: "auth",
    description:
      "Keep validating tokens against cached signing keys (JWKS) when the provider cannot be reached.",
  },
  {
    key: "cloud.read_from_cache",
    kind: "degradation",
    dependencyCategory: "cloud",
    description: "Serve reads from cache and replicas while the primary cloud region is degraded.",
  },
  {
    key: "cloud.serve_static_from_cdn",
    kind: "degradation",
    dependencyCategory: "cloud",
    description: "Serve static and cached pages from the CDN instead of the origin region.",
  },
  {
    key: "features.non_critical_disabled",
    kind: "kill_switch",
    dependencyCategory: "other",
    description:
      "Turn off non-critical features (recommendations, analytics) to reduce load and blast radius.",
  },
] as const;
