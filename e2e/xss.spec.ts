import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signedInPage, test } from "./fixtures";

// Known XSS payloads go through every user text field (incidents, timeline, flags, components,
// templates, publications, maintenance, users, tokens). In Chromium none may run, and no HTML,
// JSON or XML output may carry them unescaped. (Emails are plain text; see docs/SECURITY.md.)

const MARK = randomUUID().slice(0, 6);
const PAYLOADS = [
  "<img src=x onerror=__xss(1)>",
  "<script>__xss(2)</script>",
  '"><svg onload=__xss(3)>',
  "]]><iframe srcdoc=x onload=__xss(4)>",
];
/** Short enough for every field (names are capped at 100 characters). */
const p = (field: string, i = 0) => `${MARK}-${field} ${PAYLOADS[i % PAYLOADS.length]}`;
const RAW = ["<img src=x onerror", "<script>__xss", "<svg onload", "<iframe srcdoc"];

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function seed(api: APIRequestContext) {
  const post = <T>(url: string, data: unknown) => api.post(url, { data }).then((r) => ok<T>(r));
  const component = await post<{ id: string; name: string }>("/api/status/components", {
    name: p("component", 0),
    description: p("component-description", 1),
  });
  const incident = await post<{ id: string }>("/api/incidents", {
    title: p("title", 1),
    summary: p("summary", 2),
    dependencyName: p("dependency", 3),
    components: [component.name],
  });
  const timeline = `/api/incidents/${incident.id}/timeline`;
  await post(timeline, {
    kind: "update",
    payload: { known: p("known", 0), impact: p("impact", 1), nextSteps: p("next", 2) },
  });
  await post(timeline, {
    kind: "decision",
    payload: {
      question: p("question", 3),
      options: [p("option", 0)],
      choice: p("choice", 1),
      rationale: p("rationale", 2),
      decidedBy: p("decider", 3),
    },
  });
  await post(timeline, { kind: "action", payload: { what: p("what", 0), owner: p("owner", 1) } });
  await post(timeline, { kind: "note", payload: { text: p("note", 2) } });
  const key = `xss.${MARK}`;
  await post("/api/flags", {
    key,
    kind: "degradation",
    valueType: "boolean",
    defaultValue: false,
    description: p("flag-description", 3),
  });
  await post(`/api/flags/${key}/flip`, {
    value: true,
    expectedVersion: 1,
    reason: p("flip-reason", 0),
    incidentId: incident.id,
    endsWhen: "on_resolve",
  });
  const published = await post<{ id: string }>("/api/status/incidents", {
    incidentId: incident.id,
    name: p("public-name", 1),
    body: p("public-body", 2),
    componentChanges: { [component.id]: "partial_outage" },
  });
  await post(`/api/status/incidents/${published.id}/updates`, { body: p("public-update", 3) });
  const start = Date.now() + 3_600_000;
  await post("/api/status/maintenances", {
    name: p("maintenance", 0),
    body: p("maintenance-body", 1),
    componentIds: [component.id],
    scheduledFor: new Date(start).toISOString(),
    scheduledUntil: new Date(start + 3_600_000).toISOString(),
  });
  await post("/api/status/templates", {
    key: `xss_${MARK}`,
    name: p("template-name", 2),
    title: p("template-title", 3),
    body: p("template-body", 0),
  });
  await post("/api/invites", {
    email: `xss-${MARK}@example.com`,
    name: p("invitee", 1),
    role: "viewer",
  });
  await post("/api/tokens", { name: p("token", 2), scopes: ["flags:read"] });
  return { incidentId: incident.id, key };
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(MARK).first(), `${path} shows the payload text`).toBeVisible();
}

test("XSS payloads in every text field never run and never appear unescaped", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const fired: string[] = [];
  await context.exposeFunction("__xss", (n: number) => fired.push(`payload ${n} ran`));
  const page = await signedInPage(context, "admin@warroom.test");
  page.on("dialog", (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const { incidentId, key } = await seed(context.request);

  for (const path of [
    "/incidents",
    `/incidents/${incidentId}`,
    "/flags",
    "/status-admin",
    "/settings",
    "/settings/users",
    "/settings/audit",
    "/status",
  ]) {
    await visit(page, path);
  }
  await page.screenshot({ path: ".tmp/sec-shots/xss-room.png", fullPage: true });
  expect(fired).toEqual([]);

  const outputs = [
    "/incidents",
    `/incidents/${incidentId}`,
    "/settings/audit",
    "/status",
    "/status/feed.rss",
    "/status/feed.atom",
    "/api/v2/summary.json",
    "/api/v2/incidents.json",
    "/api/v2/scheduled-maintenances.json",
    "/api/incidents",
    `/api/incidents/${incidentId}/timeline`,
    `/api/incidents/${incidentId}/decisions`,
    `/api/flags/${key}`,
    "/api/status/incidents",
    "/api/status/templates",
    "/api/status/components",
    "/api/invites",
    "/api/tokens",
    "/api/audit?limit=200",
    "/api/audit/export",
  ];
  for (const path of outputs) {
    const response = await context.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, `${path} carries the payloads`).toContain(MARK);
    for (const raw of RAW) expect(text.includes(raw), `${path} has raw ${raw}`).toBe(false);
  }
  await context.close();
});
