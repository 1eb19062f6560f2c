import type { TimelineEntryDto } from "@/lib/timeline/schemas";
import { INCIDENT_ROLE_LABELS } from "@/lib/incidents/schemas";
import { RelativeTime } from "./relative-time";

const KIND_LABEL: Record<string, string> = {
  update: "Update",
  decision: "Decision",
  action: "Action",
  status_change: "Status",
  severity_change: "Severity",
  role_change: "Role",
  note: "Note",
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

function Body({ entry }: { entry: TimelineEntryDto }) {
  const p = entry.payload;
  switch (entry.kind) {
    case "status_change":
      return <p>{p.from ? `Status ${str(p.from)} → ${str(p.to)}` : "Incident declared"}</p>;
    case "severity_change":
      return (
        <p>
          Severity {str(p.from)} → {str(p.to)}
        </p>
      );
    case "role_change":
      return (
        <p>
          {str(p.userName)} {p.change === "relieved" ? "relieved as" : "is now"}{" "}
          {INCIDENT_ROLE_LABELS[str(p.role) as keyof typeof INCIDENT_ROLE_LABELS] ?? str(p.role)}
        </p>
      );
    case "update":
      return (
        <dl className="grid gap-1 sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-500">What we know</dt>
          <dd className="whitespace-pre-wrap">{str(p.known)}</dd>
          {p.impact ? (
            <>
              <dt className="text-slate-500">Customer impact</dt>
              <dd className="whitespace-pre-wrap">{str(p.impact)}</dd>
            </>
          ) : null}
          {p.nextSteps ? (
            <>
              <dt className="text-slate-500">Next steps</dt>
              <dd className="whitespace-pre-wrap">{str(p.nextSteps)}</dd>
            </>
          ) : null}
        </dl>
      );
    case "decision":
      return (
        <div className="space-y-1">
          <p className="font-medium">{str(p.question)}</p>
          <p>
            Chose <strong>{str(p.choice)}</strong>
            {p.decidedBy ? ` (${str(p.decidedBy)})` : ""}
            {p.isReversible === false ? " · irreversible" : ""}
          </p>
          {p.rationale ? (
            <p className="text-slate-600 dark:text-slate-400">{str(p.rationale)}</p>
          ) : null}
        </div>
      );
    case "action":
      return (
        <p>
          {p.isDone ? "✓ " : ""}
          {str(p.what)}
          {p.owner ? <span className="text-slate-500"> · owner {str(p.owner)}</span> : null}
        </p>
      );
    default:
      return <p className="whitespace-pre-wrap">{str(p.text) || JSON.stringify(p)}</p>;
  }
}

export function TimelineEntryItem({ entry }: { entry: TimelineEntryDto }) {
  return (
    <li
      className="grid grid-cols-[3rem_1fr] gap-3 py-3"
      data-testid="timeline-entry"
      data-seq={entry.seq}
    >
      <span className="pt-0.5 text-right font-mono text-xs text-slate-400">#{entry.seq}</span>
      <div className="space-y-1 text-sm">
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium uppercase tracking-wide text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            {KIND_LABEL[entry.kind] ?? entry.kind}
          </span>
          <span>{entry.actorLabel}</span>
          <span aria-hidden>·</span>
          <RelativeTime iso={entry.createdAt} />
        </div>
        <Body entry={entry} />
      </div>
    </li>
  );
}
