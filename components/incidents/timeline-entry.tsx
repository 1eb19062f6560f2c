import type { TimelineEntryDto } from "@/lib/timeline/schemas";
import { INCIDENT_ROLE_LABELS } from "@/lib/incidents/schemas";
import { RelativeTime } from "./relative-time";
import { FlagChangeEntryBody } from "@/components/flags/flag-change-entry";
import { PublicationEntryBody } from "@/components/comms/publication-entry";

const KIND_LABEL: Record<string, string> = {
  update: "Update",
  decision: "Decision",
  action: "Action",
  status_change: "Status",
  severity_change: "Severity",
  role_change: "Role",
  dependency_change: "Dependency",
  flag_change: "Flag",
  publication: "Published",
  note: "Note",
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

function Body({ entry }: { entry: TimelineEntryDto }) {
  const p = entry.payload;
  switch (entry.kind) {
    case "publication":
      return <PublicationEntryBody payload={p} />;
    case "flag_change":
      return <FlagChangeEntryBody payload={p} />;
    case "status_change":
      return (
        <p>
          {p.from
            ? `${p.reopened ? "Reopened: " : "Status "}${str(p.from)} → ${str(p.to)}`
            : "Incident declared"}
          {p.note ? <span className="text-slate-500"> · {str(p.note)}</span> : null}
        </p>
      );
    case "dependency_change": {
      const to = (p.to ?? {}) as { category?: string; name?: string };
      return (
        <p>
          Failing dependency now {to.category}
          {to.name ? ` (${to.name})` : ""}
        </p>
      );
    }
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

const KIND_STYLE: Record<string, string> = {
  update: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  decision: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  action: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  flag_change: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  publication: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-200",
};

function describeAmendment(a: TimelineEntryDto): string {
  if (a.kind === "action")
    return `${a.payload.isDone ? "Marked done" : "Reopened"} in #${a.seq} by ${a.actorLabel}`;
  const text = typeof a.payload.text === "string" ? a.payload.text : `see #${a.seq}`;
  return `Corrected by #${a.seq} (${a.actorLabel}): ${text}`;
}

type ItemProps = {
  entry: TimelineEntryDto;
  amendments?: TimelineEntryDto[];
  onAmend?: (seq: number) => void;
};

/** One entry: kind, actor, server time (viewer's zone, exact UTC on hover) and its corrections. */
export function TimelineEntryItem({ entry, amendments = [], onAmend }: ItemProps) {
  const time = new Date(entry.createdAt);
  return (
    <li
      className="group grid grid-cols-[3rem_1fr] gap-3 py-3"
      data-testid="timeline-entry"
      data-seq={entry.seq}
      data-kind={entry.kind}
    >
      <span className="pt-0.5 text-right font-mono text-xs text-slate-400">#{entry.seq}</span>
      <div className="min-w-0 space-y-1 text-sm">
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span
            className={`rounded px-1.5 py-0.5 font-medium uppercase tracking-wide ${KIND_STYLE[entry.kind] ?? "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}
          >
            {KIND_LABEL[entry.kind] ?? entry.kind.replace("_", " ")}
          </span>
          <span className="font-medium text-slate-700 dark:text-slate-300">{entry.actorLabel}</span>
          <time
            dateTime={entry.createdAt}
            title={`${entry.createdAt} (UTC)`}
            className="tabular-nums"
            suppressHydrationWarning
          >
            {time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
          </time>
          <span aria-hidden>·</span>
          <RelativeTime iso={entry.createdAt} />
          {entry.amendsSeq ? (
            <span className="text-amber-700">corrects #{entry.amendsSeq}</span>
          ) : null}
          {onAmend ? (
            <button
              type="button"
              onClick={() => onAmend(entry.seq)}
              className="ml-auto text-slate-400 opacity-0 hover:text-slate-700 group-hover:opacity-100 focus:opacity-100"
            >
              Correct
            </button>
          ) : null}
        </div>
        <Body entry={entry} />
        {amendments.map((a) => (
          <p
            key={a.seq}
            data-testid="amendment"
            className="rounded border-l-2 border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            {describeAmendment(a)}
          </p>
        ))}
      </div>
    </li>
  );
}
