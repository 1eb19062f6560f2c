"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { Select } from "@/components/ui/field";
import { apiFetch } from "@/lib/api-client";
import { reasonFor } from "@/lib/auth/permissions";
import {
  INCIDENT_ROLES,
  INCIDENT_ROLE_LABELS,
  type IncidentSummaryDto,
} from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";
import type { UserSummaryDto } from "@/lib/users/list-users";
import { Panel } from "./panel";

type Role = (typeof INCIDENT_ROLES)[number];

/** Who holds each role; assign, hand off or relieve from a picker. Unfilled roles are flagged. */
export function RolesPanel({
  incident,
  canAct,
}: {
  incident: IncidentSummaryDto;
  canAct: boolean;
}) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => apiFetch<UserSummaryDto[]>("/api/users"),
    staleTime: 60_000,
  });
  const holders = new Map(incident.roles.map((r) => [r.role, r]));
  const unfilled = INCIDENT_ROLES.filter((r) => !holders.has(r));
  const change = useMutation({
    mutationFn: ({ role, userId }: { role: Role; userId: string }) =>
      userId
        ? apiFetch<IncidentSummaryDto>(`/api/incidents/${incident.id}/roles`, {
            method: "POST",
            headers: { "idempotency-key": crypto.randomUUID() },
            json: { role, userId },
          })
        : apiFetch<IncidentSummaryDto>(`/api/incidents/${incident.id}/roles/${role}`, {
            method: "DELETE",
            headers: { "idempotency-key": crypto.randomUUID() },
          }),
    onSuccess: (updated) =>
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), updated),
  });
  const candidates = (users.data ?? []).filter((u) => u.role !== "viewer");

  return (
    <Panel title="Roles">
      {unfilled.length ? (
        <p
          role="alert"
          className="mb-3 flex items-start gap-2 rounded bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
          Unfilled: {unfilled.map((r) => INCIDENT_ROLE_LABELS[r]).join(", ")}
        </p>
      ) : null}
      <div className="space-y-2">
        {INCIDENT_ROLES.map((role) => {
          const holder = holders.get(role);
          return (
            <div key={role} className="grid grid-cols-[7.5rem_1fr] items-center gap-2">
              <label htmlFor={`role-${role}`} className="text-xs text-slate-500">
                {INCIDENT_ROLE_LABELS[role]}
              </label>
              <Select
                id={`role-${role}`}
                className={`py-1 text-xs ${holder ? "" : "border-amber-400 text-amber-700"}`}
                value={holder?.userId ?? ""}
                disabled={!canAct || change.isPending}
                title={canAct ? undefined : reasonFor("incident.command")}
                onChange={(e) => change.mutate({ role, userId: e.target.value })}
              >
                <option value="">{holder ? "Relieve (leave unfilled)" : "Unfilled"}</option>
                {holder && !candidates.some((u) => u.id === holder.userId) ? (
                  <option value={holder.userId}>{holder.userName}</option>
                ) : null}
                {candidates.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
      </div>
      {change.error ? (
        <p role="alert" className="mt-2 text-xs text-red-600">
          {change.error.message}
        </p>
      ) : null}
    </Panel>
  );
}
