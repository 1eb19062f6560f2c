"use client";

import { useConnectionState } from "@/lib/realtime/client";
import { cn } from "@/lib/cn";

const LABELS = {
  connecting: { text: "Connecting…", dot: "bg-amber-400 animate-pulse" },
  live: { text: "Live", dot: "bg-emerald-500" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-400 animate-pulse" },
  offline: { text: "Offline: writes are kept", dot: "bg-red-500" },
  "signed-out": { text: "Signed out: sign in again", dot: "bg-red-500" },
} as const;

export function ConnectionIndicator() {
  const state = useConnectionState();
  const label = LABELS[state];
  return (
    <span
      role="status"
      aria-live="polite"
      data-connection={state}
      className="inline-flex items-center gap-2 rounded-full border border-slate-700 px-2.5 py-1 text-xs text-slate-300"
    >
      <span className={cn("h-2 w-2 rounded-full", label.dot)} aria-hidden />
      {label.text}
    </span>
  );
}
