import { duration, KIND_LABELS, ROLE_LABELS, TEAM_SECTIONS, utc } from "./format";
import { showValue } from "./summarize-entry";
import type { Postmortem, PostmortemAction, PostmortemTimelineItem } from "./types";

// The postmortem draft as Markdown. Every piece of user text goes through `text` or `cell`, so
// nothing anyone typed can become HTML, a link, a heading or a broken table.

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Inline user text on one line: HTML-escaped, Markdown punctuation backslash-escaped. */
export function text(value: string): string {
  return value
    .replace(/\r\n?|\n/g, " ")
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+\.)(\s)/, (_, a: string, b: string, c: string) => `${a}\\${b}${c}`)
    .trim();
}

/** User text for a table cell: as `text`, with line breaks kept as <br>. */
export function cell(value: string): string {
  const lines = value
    .split(/\r\n?|\n/)
    .map(text)
    .filter(Boolean);
  return lines.length ? lines.join("<br>") : " ";
}

const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const TODO = "_To be written by the team._";

function timelineRow(t: PostmortemTimelineItem): string[] {
  const what = t.corrects
    ? `**Correction of #${t.corrects.seq}** (was: ${cell(t.corrects.summary)}): ${cell(t.summary)}`
    : cell(t.summary);
  return [utc(t.at), String(t.seq), KIND_LABELS[t.kind] ?? text(t.kind), cell(t.actor), what];
}

function task(a: PostmortemAction): string {
  const meta = [a.owner && `owner: ${text(a.owner)}`, a.dueAt && `due ${utc(a.dueAt)}`];
  const tail = meta.filter(Boolean).join(", ");
  return `- [${a.isDone ? "x" : " "}] ${text(a.what)}${tail ? ` (${tail})` : ""}`;
}

export function toMarkdown(pm: Postmortem): string {
  const { incident: i, times: t, durations: d } = pm;
  const dep = i.dependency.name
    ? `${i.dependency.category} (${i.dependency.name})`
    : i.dependency.category;
  const out: string[] = [
    `# Postmortem draft: ${i.reference} ${text(i.title)}`,
    `_Generated ${utc(pm.generatedAt)} from the incident record${i.isOpen ? "; the incident is still open" : ""}. All times UTC._`,
    "## Summary",
    table(
      ["Field", "Value"],
      [
        ["Severity", i.severity],
        ["Status", i.status],
        ["Failing dependency", cell(dep)],
        ["Components", cell(i.components.join(", "))],
        ["Summary", cell(i.summary)],
      ],
    ),
    "## Key times",
    table(
      ["Milestone", "Time (UTC)"],
      (
        [
          ["Detected", t.detectedAt],
          ["Declared", t.declaredAt],
          ["Acknowledged", t.acknowledgedAt],
          ["First public update", t.firstPublicUpdateAt],
          ["Mitigated", t.mitigatedAt],
          ["Resolved", t.resolvedAt],
          ["Closed", t.closedAt],
          ...(t.cancelledAt ? [["Cancelled", t.cancelledAt]] : []),
        ] as [string, string | null][]
      ).map(([label, at]) => [label, utc(at)]),
    ),
    "## Durations",
    [
      `- Time to acknowledge: ${duration(d.timeToAcknowledgeMs)}`,
      `- Time to mitigate: ${duration(d.timeToMitigateMs)}`,
      `- Time to resolve: ${duration(d.timeToResolveMs)}`,
      `- Customer-facing (first public update to resolution): ${duration(d.customerFacingMs)}`,
    ].join("\n"),
    "## Roles",
    pm.roles.length
      ? table(
          ["Role", "Who", "From (UTC)", "Until (UTC)"],
          pm.roles.map((r) => [
            ROLE_LABELS[r.role] ?? text(r.role),
            cell(r.userName),
            utc(r.assignedAt),
            r.relievedAt ? utc(r.relievedAt) : "end",
          ]),
        )
      : "_No roles were assigned._",
    "## Impact",
    TODO,
    "## Timeline",
    pm.timeline.length
      ? table(["Time (UTC)", "#", "Kind", "Who", "What"], pm.timeline.map(timelineRow))
      : "_No entries._",
    "## Decisions",
    pm.decisions.length
      ? pm.decisions
          .map((x, n) =>
            [
              `${n + 1}. **${text(x.choice)}** (${utc(x.at)})`,
              `   - Question: ${text(x.question)}`,
              x.options.length ? `   - Options: ${x.options.map(text).join("; ")}` : "",
              x.rationale ? `   - Rationale: ${text(x.rationale)}` : "",
              `   - Decided by: ${text(x.decidedBy) || "—"}; ${x.isReversible ? "reversible" : "not reversible"}`,
            ]
              .filter(Boolean)
              .join("\n"),
          )
          .join("\n")
      : "_No decisions were recorded._",
    "## Follow-ups",
    pm.followUps.length ? pm.followUps.map(task).join("\n") : "_No open actions._",
    "### Actions completed during the incident",
    pm.actionItems.some((a) => a.isDone)
      ? pm.actionItems
          .filter((a) => a.isDone)
          .map(task)
          .join("\n")
      : "_None._",
    "## Feature-flag changes",
    pm.flagChanges.length
      ? table(
          ["Time (UTC)", "Flag", "Change", "Why", "Who", "In force", "Reverted (UTC)"],
          pm.flagChanges.map((f) => [
            utc(f.at),
            cell(f.flagKey),
            `${f.isRevert ? "revert " : ""}${cell(showValue(f.from))} → ${cell(showValue(f.to))}`,
            cell(f.reason),
            cell(f.actor),
            f.isRevert ? "—" : `${duration(f.activeMs)}${f.revertedAt ? "" : " (still active)"}`,
            f.revertedAt ? utc(f.revertedAt) : "—",
          ]),
        )
      : "_No flags were changed for this incident._",
    "## Public updates",
    pm.publicUpdates.length
      ? pm.publicUpdates
          .map((s) =>
            [
              `### ${text(s.name)} (${text(s.status)}, impact ${text(s.impact)})`,
              table(
                ["Time (UTC)", "Status", "Message"],
                s.updates.map((u) => [utc(u.at), cell(u.status), cell(u.body)]),
              ),
            ].join("\n\n"),
          )
          .join("\n\n")
      : "_Nothing was published on the status page._",
    ...TEAM_SECTIONS.filter(([key]) => key !== "impact").flatMap(([key, label]) => [
      `## ${label}`,
      pm.sections[key] ? text(pm.sections[key]) : TODO,
    ]),
  ];
  return `${out.join("\n\n")}\n`;
}
