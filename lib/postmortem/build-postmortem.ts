import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { notFound } from "../errors";
import { condenseTimeline } from "./summarize-entry";
import type { Postmortem, PostmortemAction, PostmortemDurations, PostmortemTimes } from "./types";

// A read-only postmortem draft assembled from what the incident recorded.

/** `?format=markdown` asks for the Markdown export instead of JSON. */
export const PostmortemQuery = z.object({
  format: z.enum(["json", "markdown"]).default("json"),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN = new Set(["triage", "investigating", "identified", "mitigated"]);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const span = (from: Date | null, to: Date | null) =>
  from && to ? Math.max(0, to.getTime() - from.getTime()) : null;

type IncidentTimes = {
  detectedAt: Date | null;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  firstPublicUpdateAt: Date | null;
};

function timesOf(i: IncidentTimes): PostmortemTimes {
  return {
    detectedAt: iso(i.detectedAt),
    declaredAt: i.declaredAt.toISOString(),
    acknowledgedAt: iso(i.acknowledgedAt),
    mitigatedAt: iso(i.mitigatedAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    cancelledAt: iso(i.cancelledAt),
    firstPublicUpdateAt: iso(i.firstPublicUpdateAt),
  };
}

/** Durations from detection (declaration when detection is unknown). */
export function durationsOf(i: IncidentTimes): PostmortemDurations {
  const start = i.detectedAt ?? i.declaredAt;
  return {
    timeToAcknowledgeMs: span(start, i.acknowledgedAt),
    timeToMitigateMs: span(start, i.mitigatedAt),
    timeToResolveMs: span(start, i.resolvedAt),
    customerFacingMs: span(i.firstPublicUpdateAt, i.resolvedAt),
  };
}

async function loadRows(incidentId: string) {
  const where = { incidentId };
  return Promise.all([
    db().roleAssignment.findMany({
      where,
      include: { user: { select: { name: true } } },
      orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    }),
    db().timelineEntry.findMany({ where, orderBy: { seq: "asc" } }),
    db().decision.findMany({ where, orderBy: { seq: "asc" } }),
    db().actionItem.findMany({ where, orderBy: { seq: "asc" } }),
    db().flagChange.findMany({
      where,
      include: { flag: { select: { key: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db().statusIncident.findMany({
      where,
      include: { updates: { orderBy: { createdAt: "asc" } } },
      orderBy: { startedAt: "asc" },
    }),
  ]);
}

export async function buildPostmortem(ctx: Ctx, incidentId: string): Promise<Postmortem> {
  authorize(ctx, "incident.read");
  const incident = UUID.test(incidentId)
    ? await db().incident.findUnique({ where: { id: incidentId } })
    : null;
  if (!incident) throw notFound(`Incident ${incidentId}`);
  const [roles, entries, decisions, actions, flagChanges, statusIncidents] =
    await loadRows(incidentId);
  const now = new Date();

  const actionItems: PostmortemAction[] = actions.map((a) => ({
    seq: a.seq,
    what: a.what,
    owner: a.owner,
    dueAt: iso(a.dueAt),
    doneAt: iso(a.doneAt),
    isDone: a.doneAt !== null,
  }));

  return {
    generatedAt: now.toISOString(),
    incident: {
      id: incident.id,
      number: incident.number,
      reference: `INC-${incident.number}`,
      title: incident.title,
      summary: incident.summary,
      severity: incident.severity,
      status: incident.status,
      isOpen: OPEN.has(incident.status),
      dependency: { category: incident.dependencyCategory, name: incident.dependencyName },
      components: incident.components,
    },
    times: timesOf(incident),
    durations: durationsOf(incident),
    roles: roles.map((r) => ({
      role: r.role,
      userId: r.userId,
      userName: r.user.name,
      assignedAt: r.assignedAt.toISOString(),
      relievedAt: iso(r.relievedAt),
    })),
    timeline: condenseTimeline(entries),
    decisions: decisions.map((d) => ({
      seq: d.seq,
      at: d.createdAt.toISOString(),
      question: d.question,
      options: d.options,
      choice: d.choice,
      rationale: d.rationale,
      decidedBy: d.decidedBy,
      isReversible: d.isReversible,
    })),
    actionItems,
    followUps: actionItems.filter((a) => !a.isDone),
    flagChanges: flagChanges.map((c) => {
      const isRevert = c.revertsId !== null;
      return {
        flagKey: c.flag.key,
        from: c.fromValue,
        to: c.toValue,
        reason: c.reason,
        actor: c.actorLabel,
        at: c.createdAt.toISOString(),
        endsWhen: c.endsWhen,
        expiresAt: iso(c.expiresAt),
        revertedAt: iso(c.revertedAt),
        isRevert,
        activeMs: isRevert ? null : span(c.createdAt, c.revertedAt ?? now),
      };
    }),
    publicUpdates: statusIncidents.map((s) => ({
      name: s.name,
      status: s.status,
      impact: s.impact,
      startedAt: s.startedAt.toISOString(),
      resolvedAt: iso(s.resolvedAt),
      updates: s.updates.map((u) => ({
        at: u.createdAt.toISOString(),
        status: u.status,
        body: u.body,
      })),
    })),
    sections: { impact: "", rootCause: "", wentWell: "", wentWrong: "", lessons: "" },
  };
}
