import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { createCtx } from "@/lib/context";
import { listIncidents } from "@/lib/incidents";
import { IncidentsBoard } from "@/components/incidents/incidents-board";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const incidents = await listIncidents(createCtx(actor));
  return <IncidentsBoard initial={incidents} canDeclare={can(actor.role, "incident.declare")} />;
}
