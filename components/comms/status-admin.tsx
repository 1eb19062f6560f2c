"use client";

import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { useStatusData } from "./use-status-data";
import { ComponentsAdmin } from "./components-admin";
import { MaintenanceForm } from "./maintenance-form";
import { DeliveriesAdmin } from "./deliveries-admin";
import { TemplatesAdmin } from "./templates-admin";

const card =
  "rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";

/** The console's Status section: components, public incidents, maintenance, deliveries. */
export function StatusAdmin({
  canManage,
  canPublish,
}: {
  canManage: boolean;
  canPublish: boolean;
}) {
  const { incidents } = useStatusData();
  return (
    <div className="max-w-5xl space-y-6 p-8">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Status page</h1>
        <a
          href="/status"
          className="inline-flex items-center gap-1 text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
          Open public page <ExternalLink className="h-4 w-4" aria-hidden />
        </a>
      </header>
      <section className={card} aria-labelledby="comp-h">
        <h2 id="comp-h" className="mb-3 font-semibold">
          Components
        </h2>
        <ComponentsAdmin canManage={canManage} canPublish={canPublish} />
      </section>
      <section className={card} aria-labelledby="pub-h">
        <h2 id="pub-h" className="mb-3 font-semibold">
          Public incidents and maintenance
        </h2>
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {(incidents.data ?? []).map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{i.name}</span>{" "}
                <span className="text-slate-500">
                  · {i.kind} · {i.status.replace("_", " ")} · {i.updates.length} updates
                </span>
              </span>
              {i.incidentId ? (
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  href={`/incidents/${i.incidentId}`}
                >
                  War room
                </Link>
              ) : null}
            </li>
          ))}
          {incidents.data?.length === 0 ? (
            <li className="py-2 text-slate-500">Nothing published yet.</li>
          ) : null}
        </ul>
      </section>
      <TemplatesAdmin canManage={canManage} />
      {canPublish ? (
        <section className={card} aria-labelledby="maint-h">
          <h2 id="maint-h" className="mb-3 font-semibold">
            Schedule maintenance
          </h2>
          <MaintenanceForm />
        </section>
      ) : null}
      {canManage ? (
        <section className={card} aria-labelledby="del-h">
          <h2 id="del-h" className="mb-3 font-semibold">
            Subscriber deliveries
          </h2>
          <DeliveriesAdmin />
        </section>
      ) : null}
    </div>
  );
}
