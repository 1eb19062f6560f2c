import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { StatusAdmin } from "@/components/comms/status-admin";

export const metadata: Metadata = { title: "Status page admin" };

export default async function StatusAdminPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  return (
    <StatusAdmin
      canManage={can(actor.role, "status.manage")}
      canPublish={can(actor.role, "status.publish")}
    />
  );
}
