import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { systemCtx } from "../context";
import { holderCtx, userCtx } from "../../test/factories";
import { STATUSPAGE_V2_SCHEMAS } from "../../test/statuspage-v2-schema";
import { declareIncident } from "../incidents/declare-incident";
import { ensureDefaultTemplates, postStatusUpdate, publishIncident } from "../comms";
import { advanceMaintenances, createComponent, scheduleMaintenance } from ".";
import { currentSnapshot, refreshStatusSnapshot } from "./snapshot";

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-status-"));

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

function validateAllDocuments(): Record<string, unknown> {
  const snapshot = currentSnapshot();
  expect(snapshot).toBeDefined();
  const docs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(STATUSPAGE_V2_SCHEMAS)) {
    const artifact = snapshot!.artifacts.get(`/api/v2/${name}`);
    expect(artifact, name).toBeDefined();
    const doc = JSON.parse(artifact!.body.toString()) as unknown;
    const validate = ajv.compile(schema);
    expect(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    docs[name] = doc;
  }
  return docs;
}

type Summary = {
  status: { indicator: string; description: string };
  incidents: { id: string; status: string; incident_updates: { body: string }[] }[];
  scheduled_maintenances: { id: string; status: string }[];
};

describe("public incident, update, resolve and maintenance flows", () => {
  let componentId: string;
  let incidentId: string;

  beforeAll(async () => {
    await ensureDefaultTemplates();
    const admin = await userCtx("admin");
    const c = await createComponent({
      ctx: admin,
      input: { name: `Checkout ${randomUUID().slice(0, 6)}`, group: "Payments" },
    });
    componentId = c.id;
    const responder = await userCtx("responder");
    const incident = await declareIncident({
      ctx: responder,
      input: {
        title: "Payment gateway timeouts",
        severity: "SEV1",
        dependencyCategory: "payment",
        dependencyName: "Stripe",
        components: [c.name],
      },
    });
    incidentId = incident.id;
  });

  it("rejects a role without permission", async () => {
    const viewer = await userCtx("viewer");
    await expect(
      publishIncident({ ctx: viewer, input: { incidentId, body: "Hello there" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createComponent({ ctx: await userCtx("responder"), input: { name: "Nope" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // Publishing for an incident is the comms lead's (or commander's), not any responder's.
    await expect(
      publishIncident({
        ctx: await userCtx("responder"),
        input: { incidentId, body: "Hello there" },
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: /comms lead/ });
    await expect(
      publishIncident({
        ctx: await holderCtx(incidentId, "ops"),
        input: { incidentId, body: "Hi" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses to publish while a template variable is unfilled, naming it", async () => {
    const comms = await holderCtx(incidentId, "comms");
    await expect(
      publishIncident({
        ctx: comms,
        input: {
          incidentId,
          templateKey: "payment-delays",
          variables: { started_at: "10:00 UTC", dependency: "Stripe", components: "Checkout" },
        },
      }),
    ).rejects.toMatchObject({
      code: "validation",
      extra: {
        fields: expect.arrayContaining([
          { path: "variables.workaround", message: "Fill in {{workaround}}" },
        ]) as unknown,
      },
    });
  });

  it("publishes from a template, records timeline, audit and first-update delay, escapes text", async () => {
    const comms = await holderCtx(incidentId, "comms");
    const published = await publishIncident({
      ctx: comms,
      input: {
        incidentId,
        templateKey: "payment-delays",
        variables: {
          started_at: "10:00 UTC",
          dependency: "Stripe",
          components: "Checkout",
          workaround: "Try <script>alert(1)</script> saved cards & PayPal.",
          next_update_at: "10:30 UTC",
        },
        componentChanges: { [componentId]: "partial_outage" },
        nextUpdateBy: new Date(Date.now() + 30 * 60_000).toISOString(),
      },
    });
    expect(published.status).toBe("investigating");
    expect(published.updates[0]!.body).toContain("You won't be charged twice");
    expect(published.updates[0]!.body).toContain("<script>"); // stored as text, escaped on output

    const entry = await db().timelineEntry.findFirst({
      where: { incidentId, kind: "publication" },
    });
    expect(entry?.visibility).toBe("public");
    expect(entry?.payload).toMatchObject({
      isFirstPublicUpdate: true,
      statusIncidentId: published.id,
    });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident.firstPublicUpdateAt).not.toBeNull();
    const audit = await db().auditLog.findFirst({
      where: { action: "status.incident.publish", entityId: published.id },
    });
    expect(audit).not.toBeNull();

    const html = currentSnapshot()!.artifacts.get("/status")!.body.toString();
    expect(html).toContain("Try &lt;script&gt;alert(1)&lt;/script&gt; saved cards &amp; PayPal.");
    expect(html).not.toContain("<script>");
    expect(html).toMatch(/rel="alternate"\s+type="application\/rss\+xml"/);
    const docs = validateAllDocuments();
    const summary = docs["summary.json"] as Summary;
    expect(summary.status.indicator).toBe("major");
    expect(summary.incidents.some((i) => i.id === published.id)).toBe(true);

    const update = await postStatusUpdate({
      ctx: comms,
      input: {
        statusIncidentId: published.id,
        status: "identified",
        body: "We identified a timeout at the gateway.",
        nextUpdateBy: new Date(Date.now() + 30 * 60_000).toISOString(),
      },
    });
    expect(update.updates).toHaveLength(2);
    validateAllDocuments();

    const resolved = await postStatusUpdate({
      ctx: comms,
      input: {
        statusIncidentId: published.id,
        status: "resolved",
        body: "Payments are working normally again.",
        componentChanges: { [componentId]: "operational" },
      },
    });
    expect(resolved.resolvedAt).not.toBeNull();
    await expect(
      postStatusUpdate({
        ctx: comms,
        input: { statusIncidentId: published.id, status: "monitoring", body: "Again" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const after = validateAllDocuments();
    const unresolved = after["incidents/unresolved.json"] as { incidents: { id: string }[] };
    expect(unresolved.incidents.some((i) => i.id === published.id)).toBe(false);
    const history = await db().componentStatusChange.count({ where: { componentId } });
    expect(history).toBe(2);
  });

  it("moves scheduled maintenance automatically at the window's edges", async () => {
    // Maintenance is not tied to an incident: an admin schedules it.
    const comms = await userCtx("admin");
    const start = new Date(Date.now() + 60 * 60_000);
    const end = new Date(start.getTime() + 60 * 60_000);
    const m = await scheduleMaintenance({
      ctx: comms,
      input: {
        name: "Database upgrade",
        body: "Brief read-only period.",
        componentIds: [componentId],
        scheduledFor: start.toISOString(),
        scheduledUntil: end.toISOString(),
      },
    });
    let docs = validateAllDocuments();
    const upcoming = docs["scheduled-maintenances/upcoming.json"] as Summary;
    expect(upcoming.scheduled_maintenances.some((x) => x.id === m.id)).toBe(true);

    await advanceMaintenances(systemCtx("test"), new Date(start.getTime() + 1000));
    await refreshStatusSnapshot();
    docs = validateAllDocuments();
    const active = docs["scheduled-maintenances/active.json"] as Summary;
    expect(active.scheduled_maintenances.find((x) => x.id === m.id)?.status).toBe("in_progress");
    const comp = await db().component.findUniqueOrThrow({ where: { id: componentId } });
    expect(comp.status).toBe("under_maintenance");

    await advanceMaintenances(systemCtx("test"), new Date(end.getTime() + 1000));
    await refreshStatusSnapshot();
    docs = validateAllDocuments();
    const all = docs["scheduled-maintenances.json"] as Summary;
    expect(all.scheduled_maintenances.find((x) => x.id === m.id)?.status).toBe("completed");
    expect((await db().component.findUniqueOrThrow({ where: { id: componentId } })).status).toBe(
      "operational",
    );
  });

  it("feeds parse with an independent parser and carry the required elements", async () => {
    await refreshStatusSnapshot();
    const snap = currentSnapshot()!;
    const rssText = snap.artifacts.get("/status/feed.rss")!.body.toString();
    const atomText = snap.artifacts.get("/status/feed.atom")!.body.toString();
    const parser = new Parser();
    const rss = await parser.parseString(rssText);
    expect(rss.title).toBeTruthy();
    expect(rss.link).toBeTruthy();
    expect(rssText).toMatch(/<channel>[\s\S]*<description>/);
    expect(rss.items.length).toBeGreaterThan(0);
    for (const item of rss.items) {
      expect(item.title).toBeTruthy();
      expect(item.guid).toMatch(/^urn:uuid:/);
      expect(item.pubDate).toBeTruthy();
    }
    const atom = await parser.parseString(atomText);
    expect(atom.items.length).toBeGreaterThan(0);
    expect(atomText).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(atomText).toMatch(/<id>[^<]+<\/id>/);
    expect(atomText).toMatch(/<updated>[^<]+<\/updated>/);
    expect(atomText).toMatch(/<author>\s*<name>/);
    for (const item of atom.items) {
      expect(item.id).toMatch(/^urn:uuid:/);
      expect(item.title).toBeTruthy();
    }
    expect(rssText).not.toContain("<script>alert");
  });
});
