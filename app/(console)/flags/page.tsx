import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can, canInIncident } from "@/lib/auth/permissions";
import { createCtx, heldRolesByIncident } from "@/lib/context";
import { listFlags } from "@/lib/flags";
import { listIncidents } from "@/lib/incidents";
import { FlagsConsole } from "@/components/flags/flags-console";

export const metadata: Metadata = { title: "Flags" };

export default async function FlagsPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const ctx = createCtx(actor);
  const [flags, incidents, held] = await Promise.all([
    listFlags(ctx),
    listIncidents(ctx, { status: "open" }),
    heldRolesByIncident(actor.id),
  ]);
  // Admins flip anything; the ops lead and commander flip for the incidents they hold a role in.
  const flippable = incidents.filter((i) =>
    canInIncident(actor.role, held.get(i.id) ?? [], "flag.flip"),
  );
  return (
    <FlagsConsole
      initial={flags}
      incidents={flippable.map((i) => ({ id: i.id, number: i.number, title: i.title }))}
      canFlip={can(actor.role, "flag.flip") || flippable.length > 0}
      canManage={can(actor.role, "flag.manage")}
    />
  );
}
