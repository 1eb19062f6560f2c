"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Users } from "lucide-react";
import { StatusBadge } from "@/components/ui/badges";
import { Select } from "@/components/ui/field";
import { MinutesSelect } from "@/components/ui/minutes-select";
import { apiFetch } from "@/lib/api-client";
import { reasonFor } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import { SEVERITIES, SEVERITY_DEFINITIONS, type IncidentSummaryDto } from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";
import { RelativeTime } from "../relative-time";
import { StatusControls } from "./status-controls";
import { UpdateCountdown } from "./update-countdown";

const SEVERITY_SELECT: Record<string, string> = {
  SEV1: "bg-red-600 text-white border-red-600",
  SEV2: "bg-orange-500 text-white border-orange-500",
  SEV3: "bg-amber-300 text-amber-950 border-amber-300",
  SEV4: "bg-slate-300 text-slate-800 border-slate-300",
};

type Props = {
  incident: IncidentSummaryDto;
  presence: { id: string; name: string }[];
  canAct: boolean;
};

export function RoomHeader({ incident, presence, canAct }: Props) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiFetch<IncidentSummaryDto>(`/api/incidents/${incident.id}`, {
        method: "PATCH",
        headers: { "idempotency-key": crypto.randomUUID() },
        json: input,
      }),
    onSuccess: (updated) =>
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), updated),
  });
  const isOpen = !["resolved", "closed", "cancelled"].includes(incident.status);

  return (
    <header className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="room-severity">
              Severity
            </label>
            <Select
              id="room-severity"
              className={cn(
                "w-auto py-1 font-mono text-xs font-bold",
                SEVERITY_SELECT[incident.severity],
              )}
              value={incident.severity}
              disabled={!canAct || update.isPending}
              title={
                canAct
                  ? SEVERITY_DEFINITIONS[incident.severity as keyof typeof SEVERITY_DEFINITIONS]
                  : reasonFor("incident.command")
              }
              onChange={(e) => update.mutate({ severity: e.target.value })}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
            <StatusBadge status={incident.status} />
            <span className="font-mono text-xs text-slate-500">INC-{incident.number}</span>
            <Link
              href={`/incidents/${incident.id}/postmortem`}
              className="text-xs font-medium text-sky-700 hover:underline dark:text-sky-400"
            >
              {isOpen ? "Postmortem draft" : "Postmortem"}
            </Link>
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{incident.title}</h1>
          {incident.summary ? (
            <p className="max-w-3xl text-slate-600 dark:text-slate-300">{incident.summary}</p>
          ) : null}
          <p className="text-sm text-slate-500">
            Declared <RelativeTime iso={incident.declaredAt} /> · failing dependency{" "}
            <span className="font-medium capitalize text-slate-700 dark:text-slate-300">
              {incident.dependencyCategory}
              {incident.dependencyName ? ` (${incident.dependencyName})` : ""}
            </span>
            {incident.components.length ? ` · affects ${incident.components.join(", ")}` : ""}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          {isOpen ? (
            <UpdateCountdown
              dueAt={incident.nextUpdateDueAt}
              cadenceMinutes={incident.updateCadenceMinutes}
            />
          ) : null}
          {isOpen ? (
            <label className="flex items-center gap-2 text-xs text-slate-500">
              Update every
              <MinutesSelect
                aria-label="Update cadence"
                className="w-auto py-0.5 text-xs"
                value={String(incident.updateCadenceMinutes ?? "")}
                disabled={!canAct || update.isPending}
                onChange={(e) => update.mutate({ updateCadenceMinutes: Number(e.target.value) })}
                minutes={[5, 10, 15, 30, 60]}
                label={(m) => `${m} min`}
              />
            </label>
          ) : null}
          <div className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="presence">
            <Users className="h-3.5 w-3.5" aria-hidden />
            <span className="sr-only">In the room:</span>
            {presence.map((u) => (
              <span
                key={u.id}
                title={u.name}
                className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-200"
              >
                {u.name}
              </span>
            ))}
          </div>
        </div>
      </div>
      <StatusControls incident={incident} canAct={canAct} />
      {canAct ? null : (
        <p className="text-xs text-slate-500" data-testid="command-reason">
          {reasonFor("incident.command")}
        </p>
      )}
      {update.error ? (
        <p role="alert" className="text-sm text-red-600">
          {update.error.message}
        </p>
      ) : null}
    </header>
  );
}
