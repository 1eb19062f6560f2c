// The protocol's ready-made customer messages, as Mustache templates. Seeded at boot when the
// table is empty, so a production install without demo data has them too.

export type TemplateSeed = {
  key: string;
  name: string;
  title: string;
  body: string;
  variables: string[];
  status: "investigating" | "identified" | "monitoring" | "resolved";
  impact: "none" | "minor" | "major" | "critical";
};

export const DEFAULT_TEMPLATES: TemplateSeed[] = [
  {
    key: "payment-delays",
    name: "Payment delays",
    title: "Delays processing payments",
    body:
      "Since {{started_at}}, card payments through {{dependency}} are delayed, affecting {{components}}. " +
      "We've received your order and are completing payment processing. You won't be charged twice. " +
      "We'll email confirmation shortly. {{workaround}} Your order data is safe. " +
      "Next update by {{next_update_at}}.",
    variables: ["started_at", "dependency", "components", "workaround", "next_update_at"],
    status: "investigating",
    impact: "major",
  },
  {
    key: "login-disruption",
    name: "Login disruption",
    title: "New sign-ins may fail",
    body:
      "Since {{started_at}}, signing in to {{components}} may fail. If you're already logged in, " +
      "your session remains active. New logins may fail. We're working with our identity provider " +
      "({{dependency}}) to resolve this. {{workaround}} Next update by {{next_update_at}}.",
    variables: ["started_at", "components", "dependency", "workaround", "next_update_at"],
    status: "investigating",
    impact: "major",
  },
  {
    key: "cloud-degradation",
    name: "Cloud degradation",
    title: "Degraded performance in {{region}}",
    body:
      "Since {{started_at}}, {{components}} are slower than usual or partly unavailable because of a " +
      "disruption at our cloud provider ({{dependency}}) in {{region}}. We're moving traffic away " +
      "from the affected region. Data integrity: {{data_integrity}}. {{workaround}} " +
      "Next update by {{next_update_at}}.",
    variables: [
      "started_at",
      "components",
      "dependency",
      "region",
      "data_integrity",
      "workaround",
      "next_update_at",
    ],
    status: "identified",
    impact: "minor",
  },
  {
    key: "resolved",
    name: "Resolved",
    title: "Resolved: {{components}}",
    body:
      "This incident has been resolved. {{components}} have been working normally since " +
      "{{resolved_at}}. {{resolution}} Thank you for your patience.",
    variables: ["components", "resolved_at", "resolution"],
    status: "resolved",
    impact: "none",
  },
];
