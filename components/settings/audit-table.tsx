import type { AuditRowDto } from "@/lib/audit/list-audit";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Props = {
  rows: AuditRowDto[];
  filters: Record<string, string>;
  error?: string;
  limit: number;
};

const FILTERS = [
  { name: "action", label: "Action starts with", placeholder: "flag." },
  { name: "actor", label: "Actor", placeholder: "name or token" },
  { name: "entityType", label: "Entity type", placeholder: "incident" },
  { name: "incidentId", label: "Incident id", placeholder: "uuid" },
  { name: "from", label: "From (UTC)", placeholder: "2026-01-01T00:00:00Z" },
  { name: "to", label: "To (UTC)", placeholder: "2026-12-31T23:59:59Z" },
] as const;

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

/** Server-rendered: values are text nodes, so nothing in a row can run as markup. */
export function AuditTable({ rows, filters, error, limit }: Props) {
  const params = new URLSearchParams(filters);
  const last = rows.at(-1);
  const older = new URLSearchParams({ ...filters, ...(last ? { before: last.id } : {}) });
  return (
    <div className="space-y-5 p-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-slate-500">
            Append-only: every change, sign-in and failed sign-in, with who, when (UTC), where and
            before/after. The database refuses updates and deletes of these rows.
          </p>
        </div>
        <a
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          href={`/api/audit/export?${params.toString()}`}
          download
        >
          Export JSON lines
        </a>
      </header>
      <form
        method="get"
        aria-label="Filter audit log"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900"
      >
        {FILTERS.map((f) => (
          <Field key={f.name} label={f.label} htmlFor={`audit-${f.name}`}>
            <Input
              id={`audit-${f.name}`}
              name={f.name}
              defaultValue={filters[f.name] ?? ""}
              placeholder={f.placeholder}
            />
          </Field>
        ))}
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit">Filter</Button>
          <a className="px-3 py-2 text-sm text-slate-500 underline" href="/settings/audit">
            Clear
          </a>
        </div>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-xs">
          <thead className="bg-slate-50 uppercase tracking-wide text-slate-500 dark:bg-slate-800">
            <tr>
              <th className="px-3 py-2">When (UTC)</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Entity</th>
              <th className="px-3 py-2">Where</th>
              <th className="px-3 py-2">Before → after</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
            {rows.map((r) => (
              <tr key={r.id} data-testid="audit-row" data-action={r.action}>
                <td className="whitespace-nowrap px-3 py-2 font-mono">
                  {r.at.slice(0, 19).replace("T", " ")}
                </td>
                <td className="px-3 py-2">
                  {r.actorLabel}
                  <span className="block text-slate-500">{r.actorType}</span>
                </td>
                <td className="px-3 py-2 font-mono">{r.action}</td>
                <td className="px-3 py-2">
                  {r.entityType}
                  <span className="block max-w-40 truncate font-mono text-slate-500">
                    {r.entityId ?? ""}
                  </span>
                </td>
                <td className="px-3 py-2">
                  {r.ip ?? "—"}
                  <span
                    className="block max-w-48 truncate text-slate-500"
                    title={r.userAgent ?? ""}
                  >
                    {r.userAgent ?? ""}
                  </span>
                </td>
                <td className="w-[28rem] max-w-[28rem] px-3 py-2 font-mono">
                  <span className="line-clamp-2 break-all text-slate-500" title={json(r.before)}>
                    {json(r.before)}
                  </span>
                  <span className="line-clamp-3 break-all" title={json(r.after)}>
                    {json(r.after)}
                  </span>
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  No audit rows match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {rows.length === limit && last ? (
        <a className="text-sm underline" href={`/settings/audit?${older.toString()}`}>
          Older rows
        </a>
      ) : null}
    </div>
  );
}
