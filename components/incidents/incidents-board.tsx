"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { apiFetch } from "@/lib/api-client";
import {
  DEPENDENCY_CATEGORIES,
  INCIDENT_ROLES,
  INCIDENT_ROLE_LABELS,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
  SEVERITIES,
  type IncidentSummaryDto,
} from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";
import { useLiveIncidents } from "@/lib/realtime/use-live-incidents";
import { DeclareIncidentForm } from "./declare-incident-form";
import { RelativeTime } from "./relative-time";

type Filters = { status?: string; severity?: string; dependency?: string };

export function IncidentsBoard({
  initial,
  canDeclare,
}: {
  initial: IncidentSummaryDto[];
  canDeclare: boolean;
}) {
  useLiveIncidents();
  const [filters, setFilters] = useState<Filters>({});
  const [isDeclaring, setDeclaring] = useState(false);
  const isUnfiltered = !filters.status && !filters.severity && !filters.dependency;
  const incidents = useQuery({
    queryKey: queryKeys.incidents.list(filters),
    queryFn: () =>
      apiFetch<IncidentSummaryDto[]>(
        `/api/incidents?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`,
      ),
    initialData: isUnfiltered ? initial : undefined,
  });

  const filter = (name: keyof Filters, label: string, options: readonly string[]) => (
    <Select
      aria-label={`Filter by ${label.toLowerCase()}`}
      className="w-auto"
      value={filters[name] ?? ""}
      onChange={(e) => setFilters((f) => ({ ...f, [name]: e.target.value || undefined }))}
    >
      <option value="">{label}: all</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </Select>
  );

  return (
    <div className="space-y-6 p-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
          <p className="text-sm text-slate-500">Open incidents first, most severe at the top.</p>
        </div>
        <Button
          onClick={() => setDeclaring(true)}
          disabled={!canDeclare || isDeclaring}
          title={canDeclare ? undefined : "Viewers cannot declare incidents"}
        >
          <Plus className="h-4 w-4" aria-hidden /> Declare incident
        </Button>
      </header>

      {isDeclaring ? <DeclareIncidentForm onDone={() => setDeclaring(false)} /> : null}

      <div className="flex flex-wrap gap-2">
        {filter("status", "Status", ["open", ...INCIDENT_STATUSES])}
        {filter("severity", "Severity", SEVERITIES)}
        {filter("dependency", "Dependency", DEPENDENCY_CATEGORIES)}
      </div>

      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/50">
            <tr>
              <th className="px-4 py-3 font-medium">Incident</th>
              <th className="px-4 py-3 font-medium">Status</th>
              <th className="px-4 py-3 font-medium">Dependency</th>
              <th className="px-4 py-3 font-medium">Roles</th>
              <th className="px-4 py-3 font-medium">Age</th>
              <th className="px-4 py-3 font-medium">Last update</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {incidents.data?.map((incident) => (
              <IncidentRow key={incident.id} incident={incident} />
            ))}
          </tbody>
        </table>
        {incidents.data?.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500">No incidents match. Calm seas.</p>
        ) : null}
        {incidents.isError ? (
          <p role="alert" className="p-4 text-sm text-red-600">
            Could not load incidents: {incidents.error.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}

const isOverdue = (i: IncidentSummaryDto) =>
  OPEN_STATUSES.includes(i.status as (typeof OPEN_STATUSES)[number]) &&
  i.nextUpdateDueAt !== null &&
  new Date(i.nextUpdateDueAt).getTime() < Date.now();

function IncidentRow({ incident }: { incident: IncidentSummaryDto }) {
  const holders = new Map(incident.roles.map((r) => [r.role, r.userName]));
  const isOpen = OPEN_STATUSES.includes(incident.status as (typeof OPEN_STATUSES)[number]);
  return (
    <tr className="hover:bg-slate-50 dark:hover:bg-slate-800/40" data-testid="incident-row">
      <td className="px-4 py-3">
        <div className="flex items-center gap-2">
          <SeverityBadge severity={incident.severity} />
          <Link href={`/incidents/${incident.id}`} className="font-medium hover:underline">
            {incident.title}
          </Link>
        </div>
        <p className="mt-0.5 flex items-center gap-2 font-mono text-xs text-slate-500">
          INC-{incident.number}
          {isOverdue(incident) ? (
            <span
              data-testid="overdue"
              className="rounded bg-red-600 px-1.5 py-0.5 font-sans font-medium text-white"
            >
              Update overdue
            </span>
          ) : null}
        </p>
      </td>
      <td className="px-4 py-3">
        <StatusBadge status={incident.status} />
      </td>
      <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
        <span className="capitalize">{incident.dependencyCategory}</span>
        {incident.dependencyName ? ` · ${incident.dependencyName}` : ""}
      </td>
      <td className="px-4 py-3 text-xs">
        {/* Unfilled roles matter while the incident is open; afterwards only who held them. */}
        {INCIDENT_ROLES.filter((role) => isOpen || holders.has(role)).map((role) => (
          <div key={role} className={holders.has(role) ? "" : "text-amber-600"}>
            {INCIDENT_ROLE_LABELS[role]}: {holders.get(role) ?? "unfilled"}
          </div>
        ))}
      </td>
      <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
        <RelativeTime iso={incident.declaredAt} suffix={false} />
      </td>
      <td className="px-4 py-3 text-slate-600 dark:text-slate-300">
        {incident.lastEntryAt ? <RelativeTime iso={incident.lastEntryAt} /> : "—"}
      </td>
    </tr>
  );
}
