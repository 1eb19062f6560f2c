"use client";

import { useEffect, useState } from "react";

function format(ms: number): string {
  if (ms <= 0) return "reverting…";
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}:${sec}`;
}

/** Time left until `iso`, ticking every second; the exact time on hover. */
export function Countdown({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const at = new Date(iso);
  return (
    <time
      dateTime={iso}
      title={at.toLocaleString()}
      className="font-mono tabular-nums"
      data-testid="countdown"
      suppressHydrationWarning
    >
      {now === null ? "…" : format(at.getTime() - now)}
    </time>
  );
}
