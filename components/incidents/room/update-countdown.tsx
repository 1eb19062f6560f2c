"use client";

import { useEffect, useState } from "react";
import { Timer } from "lucide-react";
import { cn } from "@/lib/cn";

function format(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Countdown to the next internal update; turns red (and says so in words) when overdue. */
export function UpdateCountdown({
  dueAt,
  cadenceMinutes,
}: {
  dueAt: string | null;
  cadenceMinutes: number | null;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  const isOverdue = left < 0;
  return (
    <div
      role="timer"
      aria-live="off"
      data-testid="update-countdown"
      data-overdue={isOverdue}
      title={`Due ${new Date(dueAt).toLocaleString()}${cadenceMinutes ? ` · cadence every ${cadenceMinutes} min` : ""}`}
      className={cn(
        "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium tabular-nums",
        isOverdue
          ? "bg-red-600 text-white"
          : left < 2 * 60_000
            ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"
            : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
      )}
      suppressHydrationWarning
    >
      <Timer className="h-4 w-4" aria-hidden />
      {isOverdue ? `Update overdue by ${format(left)}` : `Next update in ${format(left)}`}
    </div>
  );
}
