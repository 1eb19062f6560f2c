"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { reasonFor } from "@/lib/auth/permissions";
import { RelativeTime } from "@/components/incidents/relative-time";
import { apiFetch } from "@/lib/api-client";
import type { FlagDto } from "@/lib/flags/schemas";
import { queryKeys } from "@/lib/query-keys";
import { KindBadge, RelaxationEnd, ValuePill } from "./flag-bits";
import { FlagEditor } from "./flag-editor";
import { FlipForm, type LinkableIncident } from "./flip-form";

type Props = {
  flag: FlagDto;
  incidents: LinkableIncident[];
  canFlip: boolean;
  canManage: boolean;
};

export function FlagCard({ flag, incidents, canFlip, canManage }: Props) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "flip" | "edit">("view");
  const active = flag.activeRelaxation;
  const last = flag.lastChange;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.flags.all });
  const revert = useMutation({
    mutationFn: (changeId: string) =>
      apiFetch(`/api/flags/changes/${changeId}/revert`, { method: "POST", json: {} }),
    onSettled: refresh,
  });
  const archive = useMutation({
    mutationFn: () => apiFetch(`/api/flags/${encodeURIComponent(flag.key)}`, { method: "DELETE" }),
    onSettled: refresh,
  });

  return (
    <li
      data-testid="flag-card"
      data-flag={flag.key}
      className={
        active
          ? "rounded-lg border border-amber-300 bg-amber-50/60 p-4 shadow-sm dark:border-amber-800 dark:bg-amber-950/30"
          : "rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      }
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <code className="font-mono text-sm font-semibold">{flag.key}</code>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <KindBadge kind={flag.kind} />
            <span className="capitalize">{flag.dependencyCategory ?? "any dependency"}</span>
            <span aria-hidden>·</span>
            <span>owner {flag.owner?.name ?? "none"}</span>
            <span aria-hidden>·</span>
            <span>v{flag.version}</span>
          </div>
        </div>
        <ValuePill flag={flag} />
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{flag.description}</p>
      {active ? (
        <p
          role="status"
          className="mt-3 rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
        >
          Relaxed by {active.actorLabel}
          {active.incident ? ` for INC-${active.incident.number}` : ""} ·{" "}
          <RelaxationEnd change={active} />
        </p>
      ) : null}
      {last ? (
        <p className="mt-2 text-xs text-slate-500">
          Last changed by {last.actorLabel} <RelativeTime iso={last.createdAt} />: “{last.reason}”
        </p>
      ) : (
        <p className="mt-2 text-xs text-slate-500">Never changed.</p>
      )}
      {mode === "flip" ? (
        <div className="mt-3">
          <FlipForm flag={flag} incidents={incidents} onDone={() => setMode("view")} />
        </div>
      ) : null}
      {mode === "edit" ? (
        <div className="mt-3">
          <FlagEditor flag={flag} onDone={() => setMode("view")} />
        </div>
      ) : null}
      {mode === "view" ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() => setMode("flip")}
            disabled={!canFlip}
            title={canFlip ? undefined : reasonFor("flag.flip")}
            aria-label={`Flip ${flag.key}`}
          >
            Flip
          </Button>
          {canFlip && active ? (
            <Button
              variant="secondary"
              disabled={revert.isPending}
              onClick={() => revert.mutate(active.id)}
            >
              Revert now
            </Button>
          ) : null}
          {canManage ? (
            <>
              <Button variant="ghost" onClick={() => setMode("edit")}>
                Edit
              </Button>
              <Button
                variant="ghost"
                disabled={archive.isPending}
                onClick={() => {
                  if (window.confirm(`Archive ${flag.key}? Services will read its default.`))
                    archive.mutate();
                }}
              >
                Archive
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {revert.error || archive.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {(revert.error ?? archive.error)?.message}
        </p>
      ) : null}
    </li>
  );
}
