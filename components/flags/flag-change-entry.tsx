import { showValue } from "./flag-bits";

const str = (v: unknown) => (typeof v === "string" ? v : "");

function endText(p: Record<string, unknown>): string {
  if (p.endsWhen === "at_time" && typeof p.expiresAt === "string") {
    return `reverts at ${new Date(p.expiresAt).toLocaleTimeString()}`;
  }
  if (p.endsWhen === "on_resolve") return "reverts when this incident resolves";
  if (p.endsWhen === "never") return "no automatic end";
  return "";
}

/** A flag flip or revert in the incident timeline. */
export function FlagChangeEntryBody({ payload: p }: { payload: Record<string, unknown> }) {
  const end = endText(p);
  return (
    <div className="space-y-1" data-testid="flag-change-entry">
      <p>
        {p.isRevert ? "Reverted " : "Flipped "}
        <code className="font-mono font-semibold">{str(p.flagKey)}</code>{" "}
        <span className="font-mono">
          {showValue(p.from)} → {showValue(p.to)}
        </span>
        {end ? <span className="text-slate-500"> · {end}</span> : null}
      </p>
      {p.reason ? <p className="text-slate-600 dark:text-slate-400">{str(p.reason)}</p> : null}
    </div>
  );
}
