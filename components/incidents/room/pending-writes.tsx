"use client";

import { Check, CloudOff, Loader2, RotateCw, Trash2 } from "lucide-react";
import { discard, retry } from "@/lib/outbox/outbox";
import { useOutbox } from "@/lib/outbox/use-outbox";

const STATE = {
  pending: {
    icon: CloudOff,
    text: "waiting to send",
    className: "text-amber-700 dark:text-amber-300",
  },
  sending: { icon: Loader2, text: "sending…", className: "text-slate-500" },
  sent: { icon: Check, text: "sent", className: "text-emerald-700 dark:text-emerald-400" },
  failed: { icon: CloudOff, text: "refused", className: "text-red-700 dark:text-red-400" },
} as const;

/** The composer's outbox for this room: each write with its state until it is on the timeline. */
export function PendingWrites({ incidentId }: { incidentId: string }) {
  const items = useOutbox(incidentId);
  if (!items.length) return null;
  return (
    <ul
      aria-label="Outbox"
      className="space-y-1 border-t border-slate-100 px-4 py-3 text-sm dark:border-slate-800"
    >
      {items.map((item) => {
        const state = STATE[item.state];
        const Icon = state.icon;
        return (
          <li
            key={item.key}
            data-testid="outbox-item"
            data-state={item.state}
            className="flex items-center gap-2"
          >
            <Icon
              className={`h-4 w-4 shrink-0 ${state.className} ${item.state === "sending" ? "animate-spin" : ""}`}
              aria-hidden
            />
            <span className="min-w-0 flex-1 truncate">{item.label}</span>
            <span className={`shrink-0 text-xs ${state.className}`}>
              {item.state === "sent" && item.seq ? `sent as #${item.seq}` : state.text}
              {item.error ? `: ${item.error}` : ""}
            </span>
            {item.state === "failed" ? (
              <>
                <button
                  type="button"
                  aria-label="Retry"
                  onClick={() => void retry(item.key)}
                  className="text-slate-500 hover:text-slate-800"
                >
                  <RotateCw className="h-4 w-4" />
                </button>
                <button
                  type="button"
                  aria-label="Discard"
                  onClick={() => void discard(item.key)}
                  className="text-slate-500 hover:text-red-600"
                >
                  <Trash2 className="h-4 w-4" />
                </button>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
