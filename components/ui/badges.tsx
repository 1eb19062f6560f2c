import { cn } from "@/lib/cn";

const SEVERITY_STYLE: Record<string, string> = {
  SEV1: "bg-red-600 text-white",
  SEV2: "bg-orange-500 text-white",
  SEV3: "bg-amber-300 text-amber-950",
  SEV4: "bg-slate-300 text-slate-800",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      className={cn(
        "inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-bold",
        SEVERITY_STYLE[severity] ?? "bg-slate-200",
      )}
    >
      {severity}
    </span>
  );
}

const STATUS_STYLE: Record<string, string> = {
  triage: "border-red-300 text-red-700 dark:border-red-800 dark:text-red-300",
  investigating: "border-orange-300 text-orange-700 dark:border-orange-800 dark:text-orange-300",
  identified: "border-amber-300 text-amber-700 dark:border-amber-800 dark:text-amber-300",
  mitigated: "border-sky-300 text-sky-700 dark:border-sky-800 dark:text-sky-300",
  resolved: "border-emerald-300 text-emerald-700 dark:border-emerald-800 dark:text-emerald-300",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={cn(
        "inline-flex rounded-full border px-2 py-0.5 text-xs font-medium capitalize",
        STATUS_STYLE[status] ??
          "border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400",
      )}
    >
      {status}
    </span>
  );
}
