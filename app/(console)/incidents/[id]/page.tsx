import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context";
import { getIncident, listActions, listDecisions } from "@/lib/incidents";
import { listEntriesAfter } from "@/lib/timeline";
import { IncidentRoom } from "@/components/incidents/incident-room";

export const metadata: Metadata = { title: "War room" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const ctx = createCtx(actor);
  const { id } = await params;
  const incident = await getIncident(ctx, id).catch(() => null);
  if (!incident) notFound();
  const [entries, decisions, actions] = await Promise.all([
    listEntriesAfter(ctx, incident.id, 0),
    listDecisions(ctx, incident.id),
    listActions(ctx, incident.id),
  ]);
  return (
    <IncidentRoom
      incident={incident}
      initialEntries={entries}
      decisions={decisions}
      actions={actions}
      viewer={{ id: actor.id, role: actor.role }}
    />
  );
}
