import type { Metadata } from "next";
import { Suspense } from "react";
import { ShieldAlert } from "lucide-react";
import { SignInForm } from "@/components/shell/sign-in-form";
import { hasDemoAccounts } from "@/lib/seed/has-demo-accounts";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-data";
import { env } from "@/lib/env";
import { oidcConfig } from "@/lib/auth/oidc";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const showDemo = await hasDemoAccounts();
  const sso = oidcConfig(env());
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-900 px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2 text-white">
          <ShieldAlert className="h-8 w-8 text-red-500" aria-hidden />
          <h1 className="text-2xl font-semibold tracking-tight">Warroom</h1>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-xl dark:bg-slate-950">
          <Suspense>
            <SignInForm ssoName={sso?.name} />
          </Suspense>
        </div>
        {showDemo ? (
          <div className="rounded-lg border border-slate-700 p-4 text-xs text-slate-300">
            <p className="mb-2 font-medium text-slate-100">
              Demo accounts (password <code className="font-mono">{DEMO_PASSWORD}</code>)
            </p>
            <ul className="space-y-0.5 font-mono">
              {DEMO_USERS.map((u) => (
                <li key={u.email}>
                  {u.email}{" "}
                  <span className="text-slate-500">
                    ({u.name}, {u.role})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="text-center text-xs text-slate-400">
          Customers:{" "}
          <a className="underline" href="/status">
            public status page
          </a>
        </p>
      </div>
    </div>
  );
}
