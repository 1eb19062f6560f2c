import type { TimelineEntry } from "../generated/prisma/client";

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

export type Step = {
  at: number;
  by: "commander" | "scribe" | "ops" | "comms";
  kind: TimelineEntry["kind"];
  payload: Record<string, unknown>;
  amendsSeq?: number;
};

// 25 minutes of a payment-gateway outage, as a scribe would have logged it.
export const STEPS: Step[] = [
  { at: 25, by: "commander", kind: "status_change", payload: { from: null, to: "triage" } },
  ...(["commander", "scribe", "ops", "comms"] as const).map((role, i) => ({
    at: 24.5 - i * 0.2,
    by: "commander" as const,
    kind: "role_change" as const,
    payload: { role, change: "assigned", key: role },
  })),
  {
    at: 23,
    by: "commander",
    kind: "status_change",
    payload: { from: "triage", to: "investigating" },
  },
  {
    at: 22,
    by: "scribe",
    kind: "update",
    payload: {
      known:
        "Gateway API calls time out after 30 s; error rate on /checkout is 78%. Stripe's status page shows no incident yet.",
      impact: "Most customers cannot complete checkout. Existing orders are unaffected.",
      nextSteps:
        "Ops lead checks our egress and the gateway's regional endpoints; comms lead drafts the payment-delay message.",
    },
  },
  {
    at: 21,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Open a priority ticket with Stripe support",
      owner: "Olive Ops",
      dueAt: null,
      isDone: false,
    },
  },
  {
    at: 20,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Check egress proxy and DNS for api.stripe.com",
      owner: "Olive Ops",
      dueAt: null,
      isDone: false,
    },
  },
  {
    at: 19,
    by: "ops",
    kind: "note",
    payload: {
      text: "Egress proxy healthy; DNS resolves; TLS handshakes to the gateway take 28-30 s from every region.",
    },
  },
  {
    at: 18,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Check egress proxy and DNS for api.stripe.com",
      owner: "Olive Ops",
      dueAt: null,
      isDone: true,
    },
    amendsSeq: 9,
  },
  { at: 17, by: "commander", kind: "severity_change", payload: { from: "SEV2", to: "SEV1" } },
  {
    at: 16,
    by: "scribe",
    kind: "decision",
    payload: {
      question: "Queue payments for later capture while the gateway is down?",
      options: [
        "Wait for the gateway",
        "Enable deferred payments",
        "Fail over to the backup processor",
      ],
      choice: "Enable deferred payments",
      rationale:
        "Orders keep flowing; capture runs idempotently once the gateway recovers. Failover needs a contract change we cannot make today.",
      decidedBy: "Casey Commander",
      isReversible: true,
    },
  },
  {
    at: 15,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Turn on payments.defer_mode with a 60-minute expiry",
      owner: "Olive Ops",
      dueAt: minutesAgo(5).toISOString(),
      isDone: false,
    },
  },
  {
    at: 14,
    by: "comms",
    kind: "note",
    payload: { text: "Payment-delay template drafted; publishing once defer mode is on." },
  },
  {
    at: 13,
    by: "scribe",
    kind: "update",
    payload: {
      known:
        "Stripe confirmed elevated latency in their US region. Our retries amplify load: 3 attempts per checkout.",
      impact: "Checkout failing for ~80% of customers.",
      nextSteps: "Enable deferred payments; cut client retries to 1.",
    },
  },
  {
    at: 12,
    by: "scribe",
    kind: "note",
    amendsSeq: 16,
    payload: { text: "Correction: 2 retry attempts per checkout, not 3." },
  },
  {
    at: 11,
    by: "scribe",
    kind: "decision",
    payload: {
      question: "Reduce checkout retries to one attempt?",
      options: ["Keep 2 retries", "1 retry with jitter"],
      choice: "1 retry with jitter",
      rationale: "Retries amplify the gateway's load without improving success.",
      decidedBy: "Casey Commander",
      isReversible: true,
    },
  },
  {
    at: 10,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Ship retry config change (1 attempt, jitter)",
      owner: "Olive Ops",
      dueAt: minutesAgo(-10).toISOString(),
      isDone: false,
    },
  },
  {
    at: 8,
    by: "ops",
    kind: "note",
    payload: { text: "Deferred payments live in eu-west; rolling to us-east." },
  },
  {
    at: 6,
    by: "scribe",
    kind: "update",
    payload: {
      known:
        "Deferred payments on in all regions: checkouts succeed and capture is queued (1,240 orders so far).",
      impact: "Customers can order; card charges are delayed, not lost. No double charges.",
      nextSteps: "Watch the capture queue; keep the 30-minute public cadence.",
    },
  },
  {
    at: 5,
    by: "comms",
    kind: "note",
    payload: { text: "Support macros updated with the payment-delay wording." },
  },
  {
    at: 3,
    by: "scribe",
    kind: "action",
    payload: {
      what: "Prepare capture-queue drain plan for when the gateway recovers",
      owner: "Olive Ops",
      dueAt: minutesAgo(-25).toISOString(),
      isDone: false,
    },
  },
];
