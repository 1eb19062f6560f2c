"use client";

import Link from "next/link";
import { useState } from "react";
import { ToggleRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { IncidentSummaryDto } from "@/lib/incidents/schemas";
import { useLiveFlags } from "@/lib/realtime/use-live-flags";
import { reasonFor } from "@/lib/auth/permissions";
import { RelaxationEnd, ValuePill } from "./flag-bits";
import { FlipForm } from "./flip-form";

/** The war room's flags: those of the incident's dependency, one click from a prefilled flip. */
export function IncidentFlagsPanel({
  incident,
  canFlip,
}: {
  incident: IncidentSummaryDto;
  canFlip: boolean;
}) {
  const flags = useLiveFlags();
  const [flipping, setFlipping] = useState<string | null>(null);
  const all = flags.data ?? [];
  const related = all.filter((f) => f.dependencyCategory === incident.dependencyCategory);
  const linked = all.filter((f) => f.activeRelaxation?.incident?.id === incident.id);
  const shown = [...related, ...linked.filter((f) => !related.includes(f))];
  const link = { id: incident.id, number: incident.number, title: incident.title };

  return (
    <section
      aria-label="Flags"
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="mb-2 flex items-center gap-2 font-semibold">
        <ToggleRight className="h-4 w-4" aria-hidden /> Flags
      </h2>
      {linked.length ? (
        <p
          role="status"
          className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          {linked.length} {linked.length === 1 ? "relaxation" : "relaxations"} still active
        </p>
      ) : null}
      {canFlip ? null : (
        <p id="flip-reason" className="mb-2 text-xs text-slate-500">
          {reasonFor("flag.flip")}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="text-slate-500">
          No flags for {incident.dependencyCategory} dependencies.{" "}
          <Link href="/flags" className="underline">
            All flags
          </Link>
        </p>
      ) : null}
      <ul className="space-y-3">
        {shown.map((flag) => (
          <li key={flag.key} data-testid="room-flag" data-flag={flag.key} className="space-y-1">
            <div className="flex items-center justify-between gap-2">
              <code className="truncate font-mono text-xs font-semibold" title={flag.description}>
                {flag.key}
              </code>
              <ValuePill flag={flag} />
            </div>
            {flag.activeRelaxation ? (
              <p className="text-xs text-amber-800 dark:text-amber-200">
                <RelaxationEnd change={flag.activeRelaxation} />
              </p>
            ) : null}
            {flipping === flag.key ? (
              <FlipForm
                flag={flag}
                incidents={[link]}
                defaultIncidentId={incident.id}
                defaultReason={`INC-${incident.number} ${incident.title}: ${flag.valueType === "boolean" && !flag.value ? "enable" : "change"} ${flag.key}`}
                onDone={() => setFlipping(null)}
              />
            ) : (
              <Button
                variant="secondary"
                className="w-full py-1 text-xs"
                onClick={() => setFlipping(flag.key)}
                aria-label={`Flip ${flag.key}`}
                disabled={!canFlip}
                title={canFlip ? undefined : reasonFor("flag.flip")}
                aria-describedby={canFlip ? undefined : "flip-reason"}
              >
                {flag.valueType === "boolean" ? (flag.value ? "Turn off" : "Turn on") : "Change"}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
