import { createHash } from "node:crypto";
import { db } from "../db";
import { env, publicUrl } from "../env";
import type { ComponentStatusName, Impact } from "./schemas";
import { computeUptime, type UptimeDay } from "./uptime";

// Everything the public surfaces show, read once per rebuild. Plain JSON-safe data: it is also
// what the snapshot persists to disk, so every public artifact can be re-rendered from it.

export type SnapComponent = {
  id: string;
  name: string;
  description: string;
  group: string | null;
  position: number;
  status: ComponentStatusName;
  showOnlyWhenDegraded: boolean;
  createdAt: string;
  updatedAt: string;
  uptime: number | null;
  days: UptimeDay[];
};

export type SnapAffected = {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
};

export type SnapUpdate = {
  id: string;
  status: string;
  body: string;
  createdAt: string;
  nextUpdateBy: string | null;
  affected: SnapAffected[];
};

export type SnapIncident = {
  id: string;
  kind: "incident" | "maintenance";
  name: string;
  status: string;
  impact: Impact;
  createdAt: string;
  updatedAt: string;
  startedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  nextUpdateBy: string | null;
  componentIds: string[];
  updates: SnapUpdate[];
};

export type StatusData = {
  page: { id: string; name: string; url: string; updatedAt: string };
  components: SnapComponent[];
  incidents: SnapIncident[];
  maintenances: SnapIncident[];
};

const HISTORY_LIMIT = 50;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function pageId(url = publicUrl()): string {
  return createHash("sha256").update(url).digest("hex").slice(0, 12);
}

type ChangeJson = Record<string, { from?: string; to?: string } | string>;

export async function loadStatusData(now: Date = new Date()): Promise<StatusData> {
  const client = db();
  const since = new Date(now.getTime() - 91 * 86_400_000);
  const [components, changes, incidents] = await Promise.all([
    client.component.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] }),
    client.componentStatusChange.findMany({
      where: { at: { gte: since } },
      orderBy: { at: "asc" },
    }),
    client.statusIncident.findMany({
      where: {
        OR: [
          { kind: "incident", status: { notIn: ["resolved", "postmortem"] } },
          { kind: "incident", createdAt: { gte: since } },
          { kind: "maintenance", status: { not: "completed" } },
          { kind: "maintenance", createdAt: { gte: since } },
        ],
      },
      include: { updates: { orderBy: { createdAt: "desc" } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
  ]);
  const names = new Map(components.map((c) => [c.id, c.name]));

  const snapComponents: SnapComponent[] = components.map((c) => {
    const history = changes
      .filter((h) => h.componentId === c.id)
      .map((h) => ({ from: h.fromStatus, to: h.toStatus, at: h.at }));
    const { days, ratio } = computeUptime(c.status, c.createdAt, history, now);
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      group: c.group,
      position: c.position,
      status: c.status,
      showOnlyWhenDegraded: c.showOnlyWhenDegraded,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      uptime: ratio,
      days,
    };
  });

  const toSnap = (i: (typeof incidents)[number]): SnapIncident => ({
    id: i.id,
    kind: i.kind,
    name: i.name,
    status: i.status,
    impact: i.impact,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    startedAt: i.startedAt.toISOString(),
    monitoringAt: iso(i.monitoringAt),
    resolvedAt: iso(i.resolvedAt),
    scheduledFor: iso(i.scheduledFor),
    scheduledUntil: iso(i.scheduledUntil),
    nextUpdateBy: iso(i.nextUpdateBy),
    componentIds: Object.keys((i.components ?? {}) as object).filter((id) => names.has(id)),
    updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      nextUpdateBy: iso(u.nextUpdateBy),
      affected: Object.entries((u.componentChanges ?? {}) as ChangeJson)
        .filter(([id]) => names.has(id))
        .map(([id, change]) => ({
          code: id,
          name: names.get(id)!,
          old_status: typeof change === "string" ? change : (change.from ?? "operational"),
          new_status: typeof change === "string" ? change : (change.to ?? "operational"),
        })),
    })),
  });

  const all = incidents.map(toSnap);
  const stamps = [
    ...components.map((c) => c.updatedAt.getTime()),
    ...incidents.map((i) => i.updatedAt.getTime()),
    ...incidents.flatMap((i) => i.updates.map((u) => u.createdAt.getTime())),
  ];
  const updatedAt = new Date(stamps.length ? Math.max(...stamps) : 0).toISOString();
  return {
    page: { id: pageId(), name: env().STATUS_PAGE_NAME, url: publicUrl(), updatedAt },
    components: snapComponents,
    incidents: all.filter((i) => i.kind === "incident").slice(0, HISTORY_LIMIT),
    maintenances: all.filter((i) => i.kind === "maintenance").slice(0, HISTORY_LIMIT),
  };
}
