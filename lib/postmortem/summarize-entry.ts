import type { PostmortemTimelineItem } from "./types";

// One line per timeline entry, for the condensed postmortem timeline.

type Row = {
  seq: number;
  kind: string;
  payload: unknown;
  visibility: string;
  actorLabel: string;
  amendsSeq: number | null;
  createdAt: Date;
};

/** Kinds kept in the condensed timeline (notes, roles and alerts only when they correct something). */
const KEPT = new Set([
  "status_change",
  "severity_change",
  "dependency_change",
  "update",
  "decision",
  "action",
  "flag_change",
  "publication",
]);

const str = (v: unknown) => (typeof v === "string" ? v : "");
export const showValue = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
const join = (...parts: string[]) => parts.filter(Boolean).join(" · ");

function dependency(v: unknown): string {
  const d = (v ?? {}) as { category?: unknown; name?: unknown };
  return str(d.name) ? `${str(d.category)} (${str(d.name)})` : str(d.category);
}

export function summarizeEntry(kind: string, payload: unknown): string {
  const p = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
  switch (kind) {
    case "status_change":
      return p.from ? `Status ${str(p.from)} → ${str(p.to)}` : `Declared in ${str(p.to)}`;
    case "severity_change":
      return `Severity ${str(p.from)} → ${str(p.to)}`;
    case "dependency_change":
      return `Failing dependency ${dependency(p.from)} → ${dependency(p.to)}`;
    case "role_change":
      return `${str(p.userName)} ${str(p.change)} as ${str(p.role)}`;
    case "update":
      return join(str(p.known), str(p.impact) && `Impact: ${str(p.impact)}`);
    case "decision":
      return join(`Decided: ${str(p.choice)}`, str(p.question) && `Q: ${str(p.question)}`);
    case "action":
      return join(`Action: ${str(p.what)}`, str(p.owner) && `owner ${str(p.owner)}`);
    case "note":
      return str(p.text);
    case "flag_change": {
      const verb = p.isRevert ? "Reverted" : "Flipped";
      const flip = `${verb} ${str(p.flagKey)} ${showValue(p.from)} → ${showValue(p.to)}`;
      return join(flip, str(p.reason));
    }
    case "publication":
      return join(`Published: ${str(p.name)} (${str(p.status)})`, str(p.body));
    default:
      return join(str(p.title), str(p.text), str(p.summary)) || kind;
  }
}

/** The condensed timeline: milestones and record entries, corrections linked to what they amend. */
export function condenseTimeline(rows: Row[]): PostmortemTimelineItem[] {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return rows
    .filter((r) => KEPT.has(r.kind) || r.amendsSeq !== null)
    .map((r) => {
      const original = r.amendsSeq === null ? undefined : bySeq.get(r.amendsSeq);
      return {
        seq: r.seq,
        at: r.createdAt.toISOString(),
        kind: r.kind,
        actor: r.actorLabel,
        visibility: r.visibility === "public" ? "public" : "internal",
        summary: summarizeEntry(r.kind, r.payload),
        corrects:
          r.amendsSeq === null
            ? null
            : {
                seq: r.amendsSeq,
                summary: original ? summarizeEntry(original.kind, original.payload) : "",
              },
      };
    });
}
