import Link from "next/link";
import { ArrowLeft, Download } from "lucide-react";
import { Panel } from "@/components/incidents/room/panel";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { duration, ROLE_LABELS, TEAM_SECTIONS, utc } from "@/lib/postmortem/format";
import type { Postmortem } from "@/lib/postmortem/types";
import {
  ActionsPanel,
  DecisionsPanel,
  FlagChangesPanel,
  PublicUpdatesPanel,
  TimelinePanel,
} from "./postmortem-sections";

const linkClass =
  "inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-mono text-xs leading-5">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The postmortem draft, read-only: the record on the left, the team's sections to write below. */
export function PostmortemView({ pm }: { pm: Postmortem }) {
  const { incident: i, times: t, durations: d } = pm;
  const base = `/incidents/${i.id}`;
  return (
    <div className="space-y-4 p-6 lg:p-8">
      <header className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={i.severity} />
            <StatusBadge status={i.status} />
            <span className="font-mono text-xs text-slate-500">{i.reference}</span>
            <span className="text-xs text-slate-500">
              Postmortem draft · generated {utc(pm.generatedAt)}
            </span>
          </div>
          <div className="flex gap-2">
            <Link href={base} className={linkClass}>
              <ArrowLeft className="h-4 w-4" aria-hidden />
              Back to the war room
            </Link>
            <a href={`/api${base}/postmortem?format=markdown`} className={linkClass} download>
              <Download className="h-4 w-4" aria-hidden />
              Download Markdown
            </a>
          </div>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{i.title}</h1>
        {i.summary ? (
          <p className="max-w-3xl text-slate-600 dark:text-slate-300">{i.summary}</p>
        ) : null}
        <p className="text-sm text-slate-500">
          Failing dependency{" "}
          <span className="font-medium capitalize text-slate-700 dark:text-slate-300">
            {i.dependency.category}
            {i.dependency.name ? ` (${i.dependency.name})` : ""}
          </span>
          {i.components.length ? ` · affects ${i.components.join(", ")}` : ""}
          {i.isOpen ? " · the incident is still open" : ""}
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-3">
        <Panel title="Key times (UTC)" testId="pm-times">
          <Facts
            rows={[
              ["Detected", utc(t.detectedAt)],
              ["Declared", utc(t.declaredAt)],
              ["Acknowledged", utc(t.acknowledgedAt)],
              ["First public update", utc(t.firstPublicUpdateAt)],
              ["Mitigated", utc(t.mitigatedAt)],
              ["Resolved", utc(t.resolvedAt)],
              ["Closed", utc(t.closedAt)],
            ]}
          />
        </Panel>
        <Panel title="Durations" testId="pm-durations">
          <Facts
            rows={[
              ["Time to acknowledge", duration(d.timeToAcknowledgeMs)],
              ["Time to mitigate", duration(d.timeToMitigateMs)],
              ["Time to resolve", duration(d.timeToResolveMs)],
              ["Customer-facing", duration(d.customerFacingMs)],
            ]}
          />
        </Panel>
        <Panel title="Roles" testId="pm-roles">
          <ul className="space-y-1">
            {pm.roles.map((r, n) => (
              <li key={n}>
                <span className="font-medium">{ROLE_LABELS[r.role] ?? r.role}</span>: {r.userName}
                <span className="block text-xs text-slate-500">
                  {utc(r.assignedAt)} → {r.relievedAt ? utc(r.relievedAt) : "end"}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      <TimelinePanel items={pm.timeline} />
      <div className="grid gap-4 md:grid-cols-2">
        <DecisionsPanel decisions={pm.decisions} />
        <ActionsPanel actions={pm.actionItems} />
      </div>
      <FlagChangesPanel changes={pm.flagChanges} />
      <PublicUpdatesPanel incidents={pm.publicUpdates} />
      <div className="grid gap-4 md:grid-cols-2">
        {TEAM_SECTIONS.map(([key, label]) => (
          <Panel key={key} title={label}>
            <p className="italic text-slate-500">
              {pm.sections[key] || "To be written by the team (in the Markdown draft)."}
            </p>
          </Panel>
        ))}
      </div>
    </div>
  );
}
