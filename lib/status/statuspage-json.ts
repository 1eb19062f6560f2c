import { createHash } from "node:crypto";
import type { SnapComponent, SnapIncident, StatusData } from "./status-data";
import { worstOf } from "./uptime";

// Atlassian Statuspage public API v2 shapes, field for field (names, nulls, enums, ordering).

export type Indicator = "none" | "minor" | "major" | "critical";

const DESCRIPTIONS = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major System Outage",
  degraded: "Partially Degraded Service",
  maintenance: "Service Under Maintenance",
} as const;

const IMPACT_RANK: Record<Indicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const COMPONENT_INDICATOR: Record<string, Indicator> = {
  operational: "none",
  under_maintenance: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

const isOpenIncident = (i: SnapIncident) => i.status !== "resolved" && i.status !== "postmortem";
export const isActiveMaintenance = (m: SnapIncident) =>
  m.status === "in_progress" || m.status === "verifying";
export const isUpcomingMaintenance = (m: SnapIncident) => m.status === "scheduled";

/** The overall indicator: the worst of open incidents' impact and component statuses. */
export function overallStatus(data: StatusData): { indicator: Indicator; description: string } {
  const candidates: Indicator[] = [
    ...data.incidents.filter(isOpenIncident).map((i) => i.impact),
    ...data.components.map((c) => COMPONENT_INDICATOR[c.status] ?? "none"),
  ];
  const indicator = candidates.reduce<Indicator>(
    (w, c) => (IMPACT_RANK[c] > IMPACT_RANK[w] ? c : w),
    "none",
  );
  if (indicator === "none") {
    const isMaintenance =
      data.maintenances.some(isActiveMaintenance) ||
      data.components.some((c) => c.status === "under_maintenance");
    return {
      indicator,
      description: isMaintenance ? DESCRIPTIONS.maintenance : DESCRIPTIONS.none,
    };
  }
  const onlyDegraded =
    indicator === "minor" &&
    !data.incidents.some(isOpenIncident) &&
    data.components.every((c) => c.status !== "partial_outage" && c.status !== "major_outage");
  return { indicator, description: onlyDegraded ? DESCRIPTIONS.degraded : DESCRIPTIONS[indicator] };
}

const groupId = (pageId: string, group: string) =>
  createHash("sha256").update(`${pageId}:group:${group}`).digest("hex").slice(0, 12);

function pageJson(data: StatusData) {
  return {
    id: data.page.id,
    name: data.page.name,
    url: `${data.page.url}/status`,
    time_zone: "Etc/UTC",
    updated_at: data.page.updatedAt,
  };
}

function componentJson(data: StatusData, c: SnapComponent) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    position: c.position + 1,
    description: c.description || null,
    showcase: true,
    start_date: c.createdAt.slice(0, 10),
    group_id: c.group ? groupId(data.page.id, c.group) : null,
    page_id: data.page.id,
    group: false,
    only_show_if_degraded: c.showOnlyWhenDegraded,
  };
}

/** Leaf components plus one synthetic group component per group, as Statuspage lists them. */
export function componentsJson(data: StatusData) {
  const out: Record<string, unknown>[] = [];
  const groups = new Map<string, SnapComponent[]>();
  for (const c of data.components) {
    if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  }
  for (const [name, members] of groups) {
    const first = members[0]!;
    out.push({
      id: groupId(data.page.id, name),
      name,
      status: worstOf(members.map((m) => m.status)),
      created_at: first.createdAt,
      updated_at: members
        .map((m) => m.updatedAt)
        .sort()
        .at(-1)!,
      position: first.position + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: data.page.id,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    });
  }
  for (const c of data.components) out.push(componentJson(data, c));
  return out;
}

function incidentJson(data: StatusData, i: SnapIncident) {
  const byId = new Map(data.components.map((c) => [c.id, c]));
  const base = {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    impact: i.kind === "maintenance" ? "maintenance" : i.impact,
    shortlink: `${data.page.url}/status#incident-${i.id}`,
    started_at: i.startedAt,
    page_id: data.page.id,
    incident_updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: i.id,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.createdAt,
      affected_components: u.affected.length ? u.affected : null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: i.componentIds.flatMap((id) => {
      const c = byId.get(id);
      return c ? [componentJson(data, c)] : [];
    }),
  };
  if (i.kind !== "maintenance") return base;
  return { ...base, scheduled_for: i.scheduledFor, scheduled_until: i.scheduledUntil };
}

/** Every /api/v2 document, keyed by its path under /api/v2/. */
export function statuspageDocuments(data: StatusData): Record<string, unknown> {
  const page = pageJson(data);
  const status = overallStatus(data);
  const components = componentsJson(data);
  const incidents = data.incidents.map((i) => incidentJson(data, i));
  const unresolved = data.incidents.filter(isOpenIncident).map((i) => incidentJson(data, i));
  const maint = (filter: (m: SnapIncident) => boolean) =>
    data.maintenances.filter(filter).map((m) => incidentJson(data, m));
  const upcoming = maint(isUpcomingMaintenance);
  const active = maint(isActiveMaintenance);
  return {
    "summary.json": {
      page,
      components,
      incidents: unresolved,
      scheduled_maintenances: [...active, ...upcoming],
      status,
    },
    "status.json": { page, status },
    "components.json": { page, components },
    "incidents.json": { page, incidents },
    "incidents/unresolved.json": { page, incidents: unresolved },
    "scheduled-maintenances.json": { page, scheduled_maintenances: maint(() => true) },
    "scheduled-maintenances/upcoming.json": { page, scheduled_maintenances: upcoming },
    "scheduled-maintenances/active.json": { page, scheduled_maintenances: active },
  };
}
