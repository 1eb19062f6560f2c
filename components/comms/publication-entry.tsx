import { Globe } from "lucide-react";
import {
  COMPONENT_STATUS_LABELS,
  STATUS_LABELS,
  type ComponentStatusName,
} from "@/lib/status/schemas";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A publication on the war-room timeline: exactly what customers were shown. */
export function PublicationEntryBody({ payload: p }: { payload: Record<string, unknown> }) {
  const changes = Array.isArray(p.componentChanges)
    ? (p.componentChanges as { name: string; to: ComponentStatusName }[])
    : [];
  return (
    <div className="space-y-1 rounded-md border border-sky-200 bg-sky-50/60 p-2 dark:border-sky-900 dark:bg-sky-950/40">
      <p className="flex items-center gap-1 font-medium">
        <Globe className="h-3.5 w-3.5 text-sky-600" aria-hidden />
        Published: {str(p.name)} · {STATUS_LABELS[str(p.status)] ?? str(p.status)}
      </p>
      <p className="whitespace-pre-wrap">{str(p.body)}</p>
      {changes.length ? (
        <p className="text-xs text-slate-500">
          {changes.map((c) => `${c.name}: ${COMPONENT_STATUS_LABELS[c.to] ?? c.to}`).join(" · ")}
        </p>
      ) : null}
      {p.isFirstPublicUpdate && typeof p.firstPublicUpdateDelayMs === "number" ? (
        <p className="text-xs text-slate-500">
          First public update, {Math.round(p.firstPublicUpdateDelayMs / 60_000)} min after
          declaration
        </p>
      ) : null}
    </div>
  );
}
