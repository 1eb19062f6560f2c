import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { createCtx } from "@/lib/context";
import { AuditQuery, listAudit } from "@/lib/audit/list-audit";
import { AuditTable } from "@/components/settings/audit-table";

export const metadata: Metadata = { title: "Audit log" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Admins read the append-only audit log: filters are a plain GET form, so links can be shared. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  if (!can(actor.role, "audit.read")) {
    return (
      <div className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-2 text-sm text-slate-500">Only admins read the audit log.</p>
      </div>
    );
  }
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = AuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : AuditQuery.parse({});
  const rows = await listAudit(createCtx(actor), query);
  const filters = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v && k !== "before" && k !== "limit"),
  ) as Record<string, string>;
  return (
    <AuditTable
      rows={rows}
      filters={filters}
      error={
        parsed.success
          ? undefined
          : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
      }
      limit={query.limit}
    />
  );
}
