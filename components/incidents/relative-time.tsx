"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { useEffect, useState } from "react";

/** "5 min ago", refreshed every 15 s; the exact UTC and local time on hover. */
export function RelativeTime({ iso, suffix = true }: { iso: string; suffix?: boolean }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${date.toLocaleString()} (${iso})`} suppressHydrationWarning>
      {formatDistanceToNowStrict(date, { addSuffix: suffix })}
    </time>
  );
}
