import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { createCtx } from "@/lib/context";
import { listFlags } from "@/lib/flags";
import { listIncidents } from "@/lib/incidents";
import { FlagsConsole } from "@/components/flags/flags-console";

export const metadata: Metadata = { title: "Flags" };

export default async function FlagsPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const ctx = createCtx(actor);
  const [flags, incidents] = await Promise.all([
    listFlags(ctx),
    listIncidents(ctx, { status: "open" }),
  ]);
  return (
    <FlagsConsole
      initial={flags}
      incidents={incidents.map((i) => ({ id: i.id, number: i.number, title: i.title }))}
      canFlip={can(actor.role, "flag.flip")}
      canManage={can(actor.role, "flag.manage")}
    />
  );
}
