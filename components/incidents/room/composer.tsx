"use client";

import { useState } from "react";
import { Send, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { reasonFor } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import { enqueue } from "@/lib/outbox/outbox";
import { buildPayload, KindFields, KINDS, type Kind } from "./composer-fields";
import { PendingWrites } from "./pending-writes";

type Props = {
  incidentId: string;
  /** Updates, decisions and actions (scribe, commander). */
  canWrite: boolean;
  /** Notes and corrections (any responder). */
  canNote: boolean;
  commanderName?: string;
  cadenceMinutes: number | null;
  amending?: number;
  onStopAmending: () => void;
};

/**
 * Structured entries for the timeline. Submitting puts the entry in the outbox (it survives a
 * reload and a lost connection) and clears the form; the outbox list shows pending and sent.
 */
export function Composer({
  incidentId,
  canWrite,
  canNote,
  commanderName,
  cadenceMinutes,
  amending,
  onStopAmending,
}: Props) {
  const kinds = canWrite ? KINDS : KINDS.filter((k) => k.kind === "note");
  const [kind, setKind] = useState<Kind>(canWrite ? "update" : "note");
  const [formKey, setFormKey] = useState(0);
  const activeKind: Kind = amending || !canWrite ? "note" : kind;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.reportValidity()) return;
    const { payload, label } = buildPayload(activeKind, new FormData(form));
    await enqueue({
      incidentId,
      url: `/api/incidents/${incidentId}/timeline`,
      method: "POST",
      body: { kind: activeKind, payload, ...(amending ? { amendsSeq: amending } : {}) },
      label: `${amending ? `Correction to #${amending}` : KINDS.find((k) => k.kind === activeKind)?.label}: ${label}`,
    });
    setFormKey((k) => k + 1);
    onStopAmending();
  }

  if (!canNote) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500">
        Viewers read the timeline; responders add notes, and the scribe and commander write updates,
        decisions and actions.
      </p>
    );
  }

  return (
    <section
      aria-label="Composer"
      className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div
        role="tablist"
        aria-label="Entry kind"
        className="flex border-b border-slate-100 px-2 dark:border-slate-800"
      >
        {kinds.map(({ kind: k, label }) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={activeKind === k}
            disabled={Boolean(amending)}
            onClick={() => setKind(k)}
            className={cn(
              "border-b-2 px-3 py-2 text-sm font-medium",
              activeKind === k
                ? "border-red-600 text-slate-900 dark:text-white"
                : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <form
        key={`${activeKind}-${formKey}`}
        onSubmit={(e) => void onSubmit(e)}
        className="space-y-3 p-4"
      >
        {amending ? (
          <p className="flex items-center justify-between rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Correcting entry #{amending}: entries are never edited; this note amends it.
            <button type="button" aria-label="Stop correcting" onClick={onStopAmending}>
              <X className="h-4 w-4" />
            </button>
          </p>
        ) : null}
        {canWrite ? null : (
          <p className="text-xs text-slate-500" data-testid="composer-reason">
            {reasonFor("timeline.write")} You can add notes.
          </p>
        )}
        <KindFields
          kind={activeKind}
          commanderName={commanderName}
          cadenceMinutes={cadenceMinutes}
        />
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500">
            Saved on this device first: safe to send while offline.
          </p>
          <Button type="submit">
            <Send className="h-4 w-4" aria-hidden />{" "}
            {amending ? "Post correction" : `Post ${activeKind}`}
          </Button>
        </div>
      </form>
      <PendingWrites incidentId={incidentId} />
    </section>
  );
}
