"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { reasonFor } from "@/lib/auth/permissions";
import type { FlagDto } from "@/lib/flags/schemas";
import { useLiveFlags } from "@/lib/realtime/use-live-flags";
import { FlagCard } from "./flag-card";
import { FlagEditor } from "./flag-editor";
import type { LinkableIncident } from "./flip-form";

type Props = {
  initial: FlagDto[];
  incidents: LinkableIncident[];
  canFlip: boolean;
  canManage: boolean;
};

/** All flags, live; active relaxations first with their countdown. */
export function FlagsConsole({ initial, incidents, canFlip, canManage }: Props) {
  const flags = useLiveFlags(initial);
  const [isCreating, setCreating] = useState(false);
  const all = flags.data ?? [];
  const active = all.filter((f) => f.activeRelaxation);
  const rest = all.filter((f) => !f.activeRelaxation);
  const card = (f: FlagDto) => (
    <FlagCard key={f.key} flag={f} incidents={incidents} canFlip={canFlip} canManage={canManage} />
  );

  return (
    <div className="space-y-6 p-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Flags</h1>
          <p className="text-sm text-slate-500">
            Degradation kill switches your services read over OpenFeature (OFREP). Every relaxation
            has a reason, an owner and an end.
          </p>
          {canFlip ? null : (
            <p className="mt-1 text-sm text-slate-500" data-testid="flip-reason">
              {reasonFor("flag.flip")} Hold that role in an open incident to flip from here.
            </p>
          )}
        </div>
        {canManage ? (
          <Button onClick={() => setCreating(true)} disabled={isCreating}>
            <Plus className="h-4 w-4" aria-hidden /> New flag
          </Button>
        ) : null}
      </header>
      {isCreating ? <FlagEditor onDone={() => setCreating(false)} /> : null}
      {flags.isError ? (
        <p role="alert" className="text-sm text-red-600">
          Could not load flags: {flags.error.message}
        </p>
      ) : null}
      <section aria-labelledby="active-heading" className="space-y-3">
        <h2
          id="active-heading"
          className="text-sm font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-300"
        >
          Active relaxations ({active.length})
        </h2>
        {active.length ? (
          <ul className="grid gap-3 md:grid-cols-2">{active.map(card)}</ul>
        ) : (
          <p className="text-sm text-slate-500">
            None: every flag is at its safe default or flipped for good.
          </p>
        )}
      </section>
      <section aria-labelledby="all-heading" className="space-y-3">
        <h2
          id="all-heading"
          className="text-sm font-semibold uppercase tracking-wide text-slate-500"
        >
          All other flags
        </h2>
        <ul className="grid gap-3 md:grid-cols-2">{rest.map(card)}</ul>
      </section>
    </div>
  );
}
