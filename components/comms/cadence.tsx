"use client";

import { useEffect, useState } from "react";
import { Clock } from "lucide-react";
import type { StatusIncidentDto } from "@/lib/comms";
import { RelativeTime } from "@/components/incidents/relative-time";
import { cn } from "@/lib/cn";

/** When the next public update is due (from the last "next update by"), flagged when overdue. */
export function PublicCadence({
  current,
  declaredAt,
}: {
  current: StatusIncidentDto;
  declaredAt: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const first = current.updates.at(-1);
  const delayMin = first
    ? Math.round((Date.parse(first.createdAt) - Date.parse(declaredAt)) / 60_000)
    : null;
  const due = current.nextUpdateBy;
  const isOverdue = due !== null && Date.parse(due) < now;
  return (
    <div className="space-y-1 text-xs">
      {due ? (
        <p
          data-testid="public-cadence"
          role={isOverdue ? "alert" : undefined}
          className={cn(
            "flex items-center gap-1 rounded px-2 py-1",
            isOverdue
              ? "bg-red-50 font-semibold text-red-700 dark:bg-red-950 dark:text-red-300"
              : "bg-slate-50 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
          )}
        >
          <Clock className="h-3.5 w-3.5" aria-hidden />
          {isOverdue ? "Public update overdue: was due " : "Next public update due "}
          <RelativeTime iso={due} />
        </p>
      ) : null}
      {delayMin !== null ? (
        <p className="text-slate-500">
          First public update {Math.max(0, delayMin)} min after declaration
        </p>
      ) : null}
    </div>
  );
}
