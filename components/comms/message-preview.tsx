import { STATUS_LABELS } from "@/lib/status/schemas";

const fmt = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}, ${d.toISOString().slice(11, 16)} UTC`;
};

/** The message as the public page renders it: same order, labels and UTC times. */
export function MessagePreview(props: {
  title: string;
  status: string;
  body: string;
  nextUpdateBy: string | null;
}) {
  return (
    <figure
      className="space-y-1 rounded-md border-l-4 border-orange-500 bg-slate-50 p-3 dark:bg-slate-800/60"
      aria-label="Preview"
    >
      <figcaption className="text-[11px] font-medium uppercase tracking-wide text-slate-500">
        Preview: what customers will see
      </figcaption>
      <p className="font-semibold" data-testid="preview-title">
        {props.title}
      </p>
      {props.nextUpdateBy ? (
        <p className="inline-block rounded-full bg-sky-100 px-2 text-xs font-semibold dark:bg-sky-900">
          Next update by {fmt(props.nextUpdateBy)}
        </p>
      ) : null}
      <p className="whitespace-pre-wrap" data-testid="preview-body">
        <strong>{STATUS_LABELS[props.status] ?? props.status}</strong> —{" "}
        {props.body || <em className="text-slate-400">Nothing to publish yet</em>}
      </p>
    </figure>
  );
}
