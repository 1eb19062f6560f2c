import type { ComponentStatusName } from "./schemas";

// Per-day worst status and an uptime ratio from a component's status history, Statuspage-style:
// a major outage counts fully as downtime, a partial outage as 30 %.

export const UPTIME_DAYS = 90;
const DAY_MS = 86_400_000;

const RANK: Record<ComponentStatusName, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};
const DOWNTIME_WEIGHT: Record<ComponentStatusName, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

export type Change = { from: ComponentStatusName; to: ComponentStatusName; at: Date };
export type UptimeDay = { date: string; worst: ComponentStatusName | null; downMinutes: number };

export function worstOf(statuses: ComponentStatusName[]): ComponentStatusName {
  return statuses.reduce<ComponentStatusName>(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    "operational",
  );
}

const startOfUtcDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** Days oldest first; days before the component existed have `worst: null` (no data). */
export function computeUptime(
  current: ComponentStatusName,
  createdAt: Date,
  changes: Change[],
  now: Date = new Date(),
): { days: UptimeDay[]; ratio: number | null } {
  const sorted = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstDay = startOfUtcDay(now.getTime()) - (UPTIME_DAYS - 1) * DAY_MS;
  const windowStart = Math.max(firstDay, createdAt.getTime());
  // Status in force at windowStart: the `from` of the first later change, else the current one.
  const later = sorted.find((c) => c.at.getTime() > windowStart);
  let status: ComponentStatusName = later ? later.from : current;
  let cursor = windowStart;
  let idx = sorted.findIndex((c) => c.at.getTime() > windowStart);
  if (idx === -1) idx = sorted.length;

  const days: UptimeDay[] = [];
  let weighted = 0;
  let observed = 0;
  for (let d = 0; d < UPTIME_DAYS; d += 1) {
    const dayStart = firstDay + d * DAY_MS;
    const dayEnd = Math.min(dayStart + DAY_MS, now.getTime());
    const date = new Date(dayStart).toISOString().slice(0, 10);
    if (dayEnd <= windowStart) {
      days.push({ date, worst: null, downMinutes: 0 });
      continue;
    }
    cursor = Math.max(cursor, dayStart);
    const seen: ComponentStatusName[] = [status];
    let down = 0;
    while (idx < sorted.length && sorted[idx]!.at.getTime() < dayEnd) {
      const change = sorted[idx]!;
      down += DOWNTIME_WEIGHT[status] * (change.at.getTime() - cursor);
      cursor = change.at.getTime();
      status = change.to;
      seen.push(status);
      idx += 1;
    }
    down += DOWNTIME_WEIGHT[status] * (dayEnd - cursor);
    observed += dayEnd - Math.max(dayStart, windowStart);
    cursor = dayEnd;
    weighted += down;
    days.push({ date, worst: worstOf(seen), downMinutes: Math.round(down / 60_000) });
  }
  return { days, ratio: observed > 0 ? 1 - weighted / observed : null };
}
