import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { can, ROLE_PERMISSIONS, type OrgRoleName } from "@/lib/auth/permissions";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { createCtx } from "@/lib/context";
import { ApiTokensSection } from "@/components/settings/api-tokens-section";
import { PasswordSection } from "@/components/settings/password-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const permissions = ROLE_PERMISSIONS[actor.role as OrgRoleName] ?? [];
  const tokens = can(actor.role, "apiToken.manage") ? await listApiTokens(createCtx(actor)) : null;
  return (
    <div className="max-w-2xl space-y-6 p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-3 font-semibold">Your account</h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd>{actor.email}</dd>
          <dt className="text-slate-500">Role</dt>
          <dd className="capitalize">{actor.role}</dd>
          <dt className="text-slate-500">Can</dt>
          <dd className="font-mono text-xs leading-6">{permissions.join(", ")}</dd>
        </dl>
      </section>
      <PasswordSection />
      {can(actor.role, "admin.users") ? (
        <nav
          aria-label="Administration"
          className="flex gap-4 rounded-lg border border-slate-200 bg-white p-5 text-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <Link className="font-medium underline" href="/settings/users">
            Users and invites
          </Link>
          <Link className="font-medium underline" href="/settings/audit">
            Audit log
          </Link>
        </nav>
      ) : null}
      {tokens ? <ApiTokensSection initial={tokens} /> : null}
    </div>
  );
}
