import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { createCtx } from "@/lib/context";
import { listInvites } from "@/lib/users/invites";
import { listUsersForAdmin } from "@/lib/users/manage-users";
import { UsersAdmin } from "@/components/settings/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  if (!can(actor.role, "admin.users")) {
    return (
      <div className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-2 text-sm text-slate-500">Only admins manage users.</p>
      </div>
    );
  }
  const ctx = createCtx(actor);
  const [users, invites] = await Promise.all([listUsersForAdmin(ctx), listInvites(ctx)]);
  return <UsersAdmin initialUsers={users} initialInvites={invites} selfId={actor.id} />;
}
