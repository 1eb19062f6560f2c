"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";
import { reasonFor } from "@/lib/auth/permissions";
import type { IncidentSummaryDto } from "@/lib/incidents/schemas";
import { TRANSITIONS, TRANSITION_LABELS, type IncidentStatus } from "@/lib/incidents/transitions";
import { queryKeys } from "@/lib/query-keys";

/**
 * The allowed next states as buttons. A transition carries the status the user saw: if someone
 * else moved first, the 409 explains it, the room shows the new state and the note is kept.
 */
export function StatusControls({
  incident,
  canAct,
}: {
  incident: IncidentSummaryDto;
  canAct: boolean;
}) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [conflict, setConflict] = useState<string>();
  const from = incident.status as IncidentStatus;
  const move = useMutation({
    mutationFn: (to: IncidentStatus) =>
      apiFetch<IncidentSummaryDto>(`/api/incidents/${incident.id}/status`, {
        method: "POST",
        headers: { "idempotency-key": crypto.randomUUID() },
        json: { to, expectedStatus: from, note },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), updated);
      setNote("");
      setConflict(undefined);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current) {
        queryClient.setQueryData(queryKeys.incidents.detail(incident.id), error.current);
        setConflict(`${error.message}. Your note is kept; choose again.`);
      } else setConflict(error.message);
    },
  });
  const next = TRANSITIONS[from];
  if (!next.length)
    return <p className="text-sm text-slate-500">This incident is {from}: final state.</p>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {next.map((to) => (
          <Button
            key={to}
            variant={to === "cancelled" || to === "investigating" ? "secondary" : "primary"}
            className={
              to === "resolved" || to === "closed"
                ? "bg-emerald-600 hover:bg-emerald-500"
                : undefined
            }
            disabled={!canAct || move.isPending}
            title={canAct ? undefined : reasonFor("incident.command")}
            onClick={() => move.mutate(to)}
          >
            {TRANSITION_LABELS[`${from}>${to}`] ?? to}
          </Button>
        ))}
        <Input
          aria-label="Status change note"
          placeholder="Note for the timeline (optional)"
          className="w-64"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          disabled={!canAct}
        />
      </div>
      {conflict ? (
        <p
          role="alert"
          className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {conflict}
        </p>
      ) : null}
    </div>
  );
}
