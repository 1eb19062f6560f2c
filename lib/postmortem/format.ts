// Shared by the Markdown export and the page: UTC times and human durations.

/** "2025-03-01 14:05 UTC", or an em dash when unknown. */
export function utc(iso: string | null): string {
  if (!iso) return "—";
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** "45s", "12m", "1h 05m", "2d 3h"; an em dash when unknown. */
export function duration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export const ROLE_LABELS: Record<string, string> = {
  commander: "Incident commander",
  comms: "Comms lead",
  ops: "Ops lead",
  scribe: "Scribe",
};

export const KIND_LABELS: Record<string, string> = {
  status_change: "Status",
  severity_change: "Severity",
  dependency_change: "Dependency",
  update: "Update",
  decision: "Decision",
  action: "Action",
  flag_change: "Flag",
  publication: "Published",
  note: "Note",
  role_change: "Role",
  alert: "Alert",
};

export const TEAM_SECTIONS = [
  ["impact", "Impact"],
  ["rootCause", "Root cause"],
  ["wentWell", "What went well"],
  ["wentWrong", "What went wrong"],
  ["lessons", "Lessons"],
] as const;
