"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CheckCircle2, Circle, Gavel, ListTodo } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { reasonFor } from "@/lib/auth/permissions";
import type { ActionItemDto, DecisionDto } from "@/lib/incidents/list-room-records";
import { RelativeTime } from "../relative-time";
import { Panel } from "./panel";

export const roomKeys = {
  decisions: (id: string) => ["incidents", "decisions", id] as const,
  actions: (id: string) => ["incidents", "actions", id] as const,
};

export function DecisionsPanel({
  incidentId,
  initial,
}: {
  incidentId: string;
  initial: DecisionDto[];
}) {
  const { data } = useQuery({
    queryKey: roomKeys.decisions(incidentId),
    queryFn: () => apiFetch<DecisionDto[]>(`/api/incidents/${incidentId}/decisions`),
    initialData: initial,
  });
  return (
    <Panel
      title={
        <>
          <Gavel className="h-4 w-4" aria-hidden /> Decisions ({data.length})
        </>
      }
      testId="decisions-panel"
    >
      {data.length ? (
        <ol className="space-y-2">
          {data.map((d) => (
            <li key={d.seq} className="border-l-2 border-sky-400 pl-2">
              <p className="font-medium">{d.question}</p>
              <p className="text-slate-600 dark:text-slate-300">
                → {d.choice}
                {d.isReversible ? "" : " (irreversible)"}
              </p>
              <p className="text-xs text-slate-500">
                #{d.seq} · {d.decidedBy || "—"} · <RelativeTime iso={d.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-slate-500">No decisions yet.</p>
      )}
    </Panel>
  );
}

export function ActionsPanel({
  incidentId,
  initial,
  canWrite,
}: {
  incidentId: string;
  initial: ActionItemDto[];
  canWrite: boolean;
}) {
  const { data, refetch } = useQuery({
    queryKey: roomKeys.actions(incidentId),
    queryFn: () => apiFetch<ActionItemDto[]>(`/api/incidents/${incidentId}/actions`),
    initialData: initial,
  });
  const toggle = useMutation({
    mutationFn: (a: ActionItemDto) =>
      apiFetch(`/api/incidents/${incidentId}/actions/${a.seq}`, {
        method: "POST",
        headers: { "idempotency-key": crypto.randomUUID() },
        json: { isDone: !a.doneAt },
      }),
    onSuccess: () => void refetch(),
  });
  const open = data.filter((a) => !a.doneAt);
  return (
    <Panel
      title={
        <>
          <ListTodo className="h-4 w-4" aria-hidden /> Actions ({open.length} open)
        </>
      }
      testId="actions-panel"
    >
      {data.length ? (
        <ul className="space-y-2">
          {data.map((a) => {
            const isOverdue = !a.doneAt && a.dueAt && new Date(a.dueAt).getTime() < Date.now();
            return (
              <li key={a.seq} className="flex items-start gap-2">
                <button
                  type="button"
                  aria-label={a.doneAt ? `Reopen action ${a.what}` : `Mark done: ${a.what}`}
                  disabled={!canWrite || toggle.isPending}
                  title={canWrite ? undefined : reasonFor("timeline.write")}
                  onClick={() => toggle.mutate(a)}
                  className="mt-0.5 text-slate-400 hover:text-emerald-600 disabled:cursor-not-allowed"
                >
                  {a.doneAt ? (
                    <CheckCircle2 className="h-4 w-4 text-emerald-600" />
                  ) : (
                    <Circle className="h-4 w-4" />
                  )}
                </button>
                <div className={a.doneAt ? "text-slate-400 line-through" : ""}>
                  <p>{a.what}</p>
                  <p className="text-xs text-slate-500 no-underline">
                    {a.owner || "no owner"}
                    {a.dueAt ? (
                      <span className={isOverdue ? "font-medium text-red-600" : ""}>
                        {" "}
                        · due <RelativeTime iso={a.dueAt} />
                      </span>
                    ) : null}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-slate-500">No actions yet.</p>
      )}
    </Panel>
  );
}
