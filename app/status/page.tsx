import type { Metadata } from "next";
import { listPublicComponents } from "@/lib/status/list-components";

export const metadata: Metadata = { title: "System status" };
export const dynamic = "force-dynamic";

const LABEL: Record<string, { text: string; className: string }> = {
  operational: { text: "Operational", className: "text-emerald-700 dark:text-emerald-400" },
  degraded_performance: {
    text: "Degraded performance",
    className: "text-amber-700 dark:text-amber-400",
  },
  partial_outage: { text: "Partial outage", className: "text-orange-700 dark:text-orange-400" },
  major_outage: { text: "Major outage", className: "text-red-700 dark:text-red-400" },
  under_maintenance: { text: "Under maintenance", className: "text-sky-700 dark:text-sky-400" },
};

// Public and JavaScript-free. The fast-path snapshot version comes with the status issue.
export default async function StatusPage() {
  const components = await listPublicComponents();
  const isAllGood = components.every((c) => c.status === "operational");
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">System status</h1>
      <p
        className={`rounded-lg p-4 font-medium text-white ${isAllGood ? "bg-emerald-600" : "bg-orange-600"}`}
        role="status"
      >
        {isAllGood ? "All systems operational" : "Some systems are experiencing problems"}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {components.map((c) => {
          const label = LABEL[c.status] ?? { text: c.status, className: "" };
          return (
            <li key={c.name} className="flex items-center justify-between gap-4 px-4 py-3">
              <div>
                <p className="font-medium">{c.name}</p>
                {c.group ? <p className="text-xs text-slate-500">{c.group}</p> : null}
              </div>
              <span className={`text-sm font-medium ${label.className}`}>{label.text}</span>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
