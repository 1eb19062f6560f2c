import { CheckSquare, Square } from "lucide-react";
import { Panel } from "@/components/incidents/room/panel";
import { duration, KIND_LABELS, utc } from "@/lib/postmortem/format";
import { showValue } from "@/lib/postmortem/summarize-entry";
import type {
  PostmortemAction,
  PostmortemDecision,
  PostmortemFlagChange,
  PostmortemPublicIncident,
  PostmortemTimelineItem,
} from "@/lib/postmortem/types";

const empty = (what: string) => <p className="text-slate-500">{what}</p>;
const th = "px-2 py-1 text-left font-medium text-slate-500";
const td = "px-2 py-1 align-top";

export function TimelinePanel({ items }: { items: PostmortemTimelineItem[] }) {
  return (
    <Panel title="Timeline (UTC)" testId="pm-timeline">
      {items.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 dark:border-slate-800">
              <tr>
                <th className={th}>Time</th>
                <th className={th}>Kind</th>
                <th className={th}>Who</th>
                <th className={th}>What</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((t) => (
                <tr key={t.seq} data-testid="pm-timeline-row">
                  <td className={`${td} whitespace-nowrap font-mono text-xs`}>{utc(t.at)}</td>
                  <td className={`${td} whitespace-nowrap`}>{KIND_LABELS[t.kind] ?? t.kind}</td>
                  <td className={`${td} whitespace-nowrap text-slate-600`}>{t.actor}</td>
                  <td className={`${td} whitespace-pre-wrap`}>
                    {t.corrects ? (
                      <span className="mb-0.5 block text-xs text-amber-700 dark:text-amber-400">
                        Correction of #{t.corrects.seq}: <s>{t.corrects.summary}</s>
                      </span>
                    ) : null}
                    {t.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        empty("No entries.")
      )}
    </Panel>
  );
}

export function DecisionsPanel({ decisions }: { decisions: PostmortemDecision[] }) {
  return (
    <Panel title="Decisions" testId="pm-decisions">
      {decisions.length ? (
        <ol className="space-y-3">
          {decisions.map((d) => (
            <li key={d.seq}>
              <p className="font-medium">{d.choice}</p>
              <p className="text-slate-600 dark:text-slate-400">{d.question}</p>
              {d.rationale ? <p className="text-xs text-slate-500">Why: {d.rationale}</p> : null}
              <p className="text-xs text-slate-500">
                {utc(d.at)} · {d.decidedBy || "—"} · {d.isReversible ? "reversible" : "one-way"}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        empty("No decisions were recorded.")
      )}
    </Panel>
  );
}

export function ActionsPanel({ actions }: { actions: PostmortemAction[] }) {
  const sorted = [...actions].sort((a, b) => Number(a.isDone) - Number(b.isDone));
  return (
    <Panel title="Actions and follow-ups" testId="pm-actions">
      {sorted.length ? (
        <ul className="space-y-1.5">
          {sorted.map((a) => (
            <li key={a.seq} className="flex gap-2">
              {a.isDone ? (
                <CheckSquare
                  className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600"
                  aria-label="Done"
                />
              ) : (
                <Square className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-label="Follow-up" />
              )}
              <span className={a.isDone ? "text-slate-500" : ""}>
                {a.what}
                {a.owner ? <span className="text-xs text-slate-500"> · {a.owner}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        empty("No actions were recorded.")
      )}
    </Panel>
  );
}

export function FlagChangesPanel({ changes }: { changes: PostmortemFlagChange[] }) {
  if (!changes.length) return null;
  return (
    <Panel title="Feature-flag changes" testId="pm-flags">
      <ul className="space-y-2">
        {changes.map((f, n) => (
          <li key={n}>
            <p>
              {f.isRevert ? "Reverted " : "Flipped "}
              <code className="font-mono font-semibold">{f.flagKey}</code>{" "}
              <span className="font-mono">
                {showValue(f.from)} → {showValue(f.to)}
              </span>
            </p>
            {f.reason ? <p className="text-slate-600 dark:text-slate-400">{f.reason}</p> : null}
            <p className="text-xs text-slate-500">
              {utc(f.at)} · {f.actor}
              {f.isRevert ? "" : ` · in force ${duration(f.activeMs)}`}
              {f.revertedAt
                ? ` · reverted ${utc(f.revertedAt)}`
                : f.isRevert
                  ? ""
                  : " · still active"}
            </p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

export function PublicUpdatesPanel({ incidents }: { incidents: PostmortemPublicIncident[] }) {
  return (
    <Panel title="Public updates" testId="pm-public">
      {incidents.length
        ? incidents.map((s, n) => (
            <div key={n} className="mb-3 space-y-1">
              <p className="font-medium">
                {s.name}{" "}
                <span className="text-xs text-slate-500">
                  ({s.status}, {s.impact})
                </span>
              </p>
              {s.updates.map((u, k) => (
                <p key={k} className="whitespace-pre-wrap border-l-2 border-sky-200 pl-2">
                  <span className="font-mono text-xs text-slate-500">{utc(u.at)}</span> {u.body}
                </p>
              ))}
            </div>
          ))
        : empty("Nothing was published on the status page.")}
    </Panel>
  );
}
