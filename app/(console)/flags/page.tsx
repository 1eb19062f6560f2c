import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context";
import { listFlags } from "@/lib/flags/list-flags";

export const metadata: Metadata = { title: "Flags" };

export default async function FlagsPage() {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const flags = await listFlags(createCtx(actor));
  return (
    <div className="space-y-6 p-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Flags</h1>
        <p className="text-sm text-slate-500">
          Degradation kill switches your services read over OpenFeature.
        </p>
      </header>
      <ul className="grid gap-3 md:grid-cols-2">
        {flags.map((flag) => (
          <li
            key={flag.key}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="flex items-start justify-between gap-3">
              <code className="font-mono text-sm font-semibold">{flag.key}</code>
              <span
                className={
                  flag.value === flag.defaultValue
                    ? "rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
                    : "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800"
                }
              >
                {JSON.stringify(flag.value)}
                {flag.value === flag.defaultValue ? " (default)" : " (relaxed)"}
              </span>
            </div>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{flag.description}</p>
            <p className="mt-2 text-xs text-slate-500">
              {flag.kind.replace("_", " ")} · {flag.dependencyCategory ?? "any dependency"} · owner{" "}
              {flag.owner ?? "none"} · v{flag.version}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
