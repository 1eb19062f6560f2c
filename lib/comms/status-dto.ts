import type { StatusIncident, StatusUpdate } from "../generated/prisma/client";
import type { AppliedChange } from "../status/apply-component-changes";

export type StatusUpdateDto = {
  id: string;
  status: string;
  body: string;
  nextUpdateBy: string | null;
  templateKey: string | null;
  createdAt: string;
};

export type StatusIncidentDto = {
  id: string;
  kind: string;
  incidentId: string | null;
  name: string;
  status: string;
  impact: string;
  components: Record<string, string>;
  nextUpdateBy: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  startedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updates: StatusUpdateDto[];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toStatusIncidentDto(
  row: StatusIncident & { updates?: StatusUpdate[] },
): StatusIncidentDto {
  return {
    id: row.id,
    kind: row.kind,
    incidentId: row.incidentId,
    name: row.name,
    status: row.status,
    impact: row.impact,
    components: row.components as Record<string, string>,
    nextUpdateBy: iso(row.nextUpdateBy),
    scheduledFor: iso(row.scheduledFor),
    scheduledUntil: iso(row.scheduledUntil),
    startedAt: row.startedAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    updates: (row.updates ?? []).map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      nextUpdateBy: iso(u.nextUpdateBy),
      templateKey: u.templateKey,
      createdAt: u.createdAt.toISOString(),
    })),
  };
}

/** The war-room timeline's record of a publication: what customers saw, verbatim. */
export function publicationPayload(
  incident: StatusIncident,
  update: StatusUpdate,
  applied: Record<string, AppliedChange>,
  first: { isFirst: boolean; delayMs: number | null },
): Record<string, unknown> {
  return {
    statusIncidentId: incident.id,
    statusUpdateId: update.id,
    name: incident.name,
    status: update.status,
    impact: incident.impact,
    body: update.body,
    templateKey: update.templateKey,
    nextUpdateBy: iso(update.nextUpdateBy),
    componentChanges: Object.values(applied).map((c) => ({ name: c.name, from: c.from, to: c.to })),
    isFirstPublicUpdate: first.isFirst,
    firstPublicUpdateDelayMs: first.delayMs,
  };
}
