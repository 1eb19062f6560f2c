import type { Tx } from "../db";
import { DEFAULT_TEMPLATES } from "../comms/default-templates";
import { renderTemplate } from "../comms/render-template";

const DAY = 86_400_000;

/** The demo's public side: templates, a public incident for the live SEV1, a past outage in the
 * uptime bars, and a maintenance window tomorrow. */
export async function seedStatusDemo(
  tx: Tx,
  incident: { id: string; declaredAt: Date; dependencyName: string },
  createdById: string,
): Promise<void> {
  await tx.messageTemplate.createMany({ data: DEFAULT_TEMPLATES, skipDuplicates: true });
  const components = await tx.component.findMany();
  const byName = new Map(components.map((c) => [c.name, c]));
  const now = Date.now();
  // Back-date components so the uptime bars have 90 days of history.
  await tx.component.updateMany({ data: { createdAt: new Date(now - 120 * DAY) } });
  const signIn = byName.get("Sign-in");
  if (signIn) {
    const start = new Date(now - 12 * DAY);
    await tx.componentStatusChange.createMany({
      data: [
        { componentId: signIn.id, fromStatus: "operational", toStatus: "major_outage", at: start },
        {
          componentId: signIn.id,
          fromStatus: "major_outage",
          toStatus: "operational",
          at: new Date(start.getTime() + 47 * 60_000),
        },
      ],
    });
    const past = await tx.statusIncident.create({
      data: {
        name: "New sign-ins failing",
        status: "resolved",
        impact: "major",
        components: { [signIn.id]: "major_outage" },
        startedAt: start,
        createdAt: start,
        resolvedAt: new Date(start.getTime() + 47 * 60_000),
      },
    });
    await tx.statusUpdate.createMany({
      data: [
        {
          statusIncidentId: past.id,
          status: "investigating",
          body: "If you're already logged in, your session remains active. New logins may fail. We're working with our identity provider to resolve this.",
          createdAt: new Date(start.getTime() + 6 * 60_000),
        },
        {
          statusIncidentId: past.id,
          status: "resolved",
          body: "This incident has been resolved. Sign-in has been working normally since 14:47 UTC.",
          createdAt: new Date(start.getTime() + 47 * 60_000),
        },
      ],
    });
  }
  const affected = ["Checkout", "Payment processing"].flatMap((n) => byName.get(n) ?? []);
  await tx.componentStatusChange.createMany({
    data: affected.map((c) => ({
      componentId: c.id,
      fromStatus: "operational" as const,
      toStatus: "partial_outage" as const,
      at: incident.declaredAt,
    })),
  });
  const template = DEFAULT_TEMPLATES.find((t) => t.key === "payment-delays")!;
  const at = new Date(incident.declaredAt.getTime() + 9 * 60_000);
  const nextUpdateBy = new Date(now + 21 * 60_000);
  const text = renderTemplate(template, {
    started_at: `${incident.declaredAt.toISOString().slice(11, 16)} UTC`,
    dependency: incident.dependencyName || "our payment provider",
    components: affected.map((c) => c.name).join(" and "),
    workaround: "Saved cards and PayPal still work.",
    next_update_at: `${nextUpdateBy.toISOString().slice(11, 16)} UTC`,
  });
  const published = await tx.statusIncident.create({
    data: {
      incidentId: incident.id,
      name: text.title,
      status: "investigating",
      impact: "major",
      components: Object.fromEntries(affected.map((c) => [c.id, "partial_outage"])),
      nextUpdateBy,
      startedAt: incident.declaredAt,
      createdAt: at,
    },
  });
  await tx.statusUpdate.create({
    data: {
      statusIncidentId: published.id,
      status: "investigating",
      body: text.body,
      nextUpdateBy,
      templateKey: template.key,
      createdById,
      createdAt: at,
    },
  });
  await tx.incident.update({ where: { id: incident.id }, data: { firstPublicUpdateAt: at } });
  const cdn = byName.get("Static assets (CDN)");
  const tomorrow = new Date(Math.ceil((now + DAY) / 3_600_000) * 3_600_000);
  const maintenance = await tx.statusIncident.create({
    data: {
      kind: "maintenance",
      name: "CDN provider migration",
      status: "scheduled",
      impact: "none",
      components: cdn ? { [cdn.id]: "under_maintenance" } : {},
      scheduledFor: tomorrow,
      scheduledUntil: new Date(tomorrow.getTime() + 2 * 3_600_000),
      startedAt: tomorrow,
    },
  });
  await tx.statusUpdate.create({
    data: {
      statusIncidentId: maintenance.id,
      status: "scheduled",
      body: "We are moving static assets to a new CDN provider. Downloads may be briefly slower; no downtime is expected.",
      createdById,
    },
  });
}
