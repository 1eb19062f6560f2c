"use client";

import Link from "next/link";
import { ArrowLeft, Users } from "lucide-react";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import {
  INCIDENT_ROLES,
  INCIDENT_ROLE_LABELS,
  type IncidentSummaryDto,
} from "@/lib/incidents/schemas";
import { useLiveTimeline } from "@/lib/realtime/use-live-timeline";
import type { TimelineEntryDto } from "@/lib/timeline/schemas";
import { RelativeTime } from "./relative-time";
import { TimelineEntryItem } from "./timeline-entry";

type Props = { incident: IncidentSummaryDto; initialEntries: TimelineEntryDto[] };

export function IncidentRoom({ incident, initialEntries }: Props) {
  const { entries, presence } = useLiveTimeline(incident.id, initialEntries);
  const holders = new Map(incident.roles.map((r) => [r.role, r.userName]));
  const unfilled = INCIDENT_ROLES.filter((r) => !holders.has(r));

  return (
    <div className="space-y-6 p-8">
      <Link
        href="/incidents"
        className="inline-flex items-center gap-1 text-sm text-slate-500 hover:underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> Incidents
      </Link>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <span className="font-mono text-xs text-slate-500">INC-{incident.number}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{incident.title}</h1>
        {incident.summary ? (
          <p className="max-w-3xl text-slate-600 dark:text-slate-300">{incident.summary}</p>
        ) : null}
        <p className="text-sm text-slate-500">
          Declared <RelativeTime iso={incident.declaredAt} /> · dependency{" "}
          <span className="capitalize">{incident.dependencyCategory}</span>
          {incident.dependencyName ? ` (${incident.dependencyName})` : ""}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section
          aria-label="Timeline"
          className="rounded-lg border border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 className="border-b border-slate-100 py-3 text-sm font-semibold dark:border-slate-800">
            Timeline
          </h2>
          <ol className="divide-y divide-slate-100 dark:divide-slate-800">
            {[...entries].reverse().map((entry) => (
              <TimelineEntryItem key={entry.seq} entry={entry} />
            ))}
          </ol>
        </section>
        <aside className="space-y-4">
          {/* panels: flags and comms panels mount here */}
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            <h2 className="mb-2 font-semibold">Roles</h2>
            {unfilled.length ? (
              <p
                role="alert"
                className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200"
              >
                Unfilled: {unfilled.map((r) => INCIDENT_ROLE_LABELS[r]).join(", ")}
              </p>
            ) : null}
            <dl className="space-y-1">
              {INCIDENT_ROLES.map((role) => (
                <div key={role} className="flex justify-between gap-2">
                  <dt className="text-slate-500">{INCIDENT_ROLE_LABELS[role]}</dt>
                  <dd className={holders.has(role) ? "" : "text-amber-600"}>
                    {holders.get(role) ?? "unfilled"}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            <h2 className="mb-2 flex items-center gap-2 font-semibold">
              <Users className="h-4 w-4" aria-hidden /> In the room
            </h2>
            <ul data-testid="presence" className="space-y-1">
              {presence.map((u) => (
                <li key={u.id}>{u.name}</li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
