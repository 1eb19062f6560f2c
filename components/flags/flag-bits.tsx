import { cn } from "@/lib/cn";
import type { FlagChangeDto, FlagDto } from "@/lib/flags/schemas";
import { Countdown } from "./countdown";

export const showValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function ValuePill({ flag }: { flag: Pick<FlagDto, "value" | "isRelaxed"> }) {
  return (
    <span
      data-testid="flag-value"
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-mono text-xs font-medium",
        flag.isRelaxed
          ? "bg-amber-100 text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200"
          : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
      )}
    >
      {showValue(flag.value)}
      <span className="font-sans font-normal">{flag.isRelaxed ? "relaxed" : "default"}</span>
    </span>
  );
}

const KIND_STYLE: Record<string, string> = {
  kill_switch: "border-red-300 text-red-700 dark:border-red-800 dark:text-red-300",
  degradation: "border-amber-300 text-amber-700 dark:border-amber-800 dark:text-amber-300",
  operational: "border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400",
};

export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className={cn("rounded-full border px-2 py-0.5 text-xs", KIND_STYLE[kind])}>
      {kind.replace("_", " ")}
    </span>
  );
}

/** How an active relaxation ends: a live countdown, the incident's resolution, or never. */
export function RelaxationEnd({ change }: { change: FlagChangeDto }) {
  if (change.endsWhen === "at_time" && change.expiresAt) {
    return (
      <span>
        reverts in <Countdown iso={change.expiresAt} />
      </span>
    );
  }
  if (change.endsWhen === "on_resolve") {
    return <span>until INC-{change.incident?.number ?? "?"} resolves</span>;
  }
  return <span className="font-medium text-red-700 dark:text-red-300">no end set</span>;
}
