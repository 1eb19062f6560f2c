"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { RelativeTime } from "@/components/incidents/relative-time";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { ApiTokenDto } from "@/lib/auth/api-tokens";
import { API_TOKEN_SCOPES } from "@/lib/auth/permissions";

const KEY = ["apiTokens"] as const;

/** Admins create scoped tokens for services (the secret is shown once) and revoke them. */
export function ApiTokensSection({ initial }: { initial: ApiTokenDto[] }) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<ApiTokenDto[]>("/api/tokens"),
    initialData: initial,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const create = useMutation({
    mutationFn: ({ name, scopes }: { name: string; scopes: string[] }) =>
      apiFetch<{ token: ApiTokenDto; secret: string }>("/api/tokens", {
        method: "POST",
        json: { name, scopes },
      }),
    onSuccess: (r) => {
      setSecret(r.secret);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/tokens/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const scopesError =
    create.error instanceof ApiError
      ? create.error.fields.find((f) => f.path.startsWith("scopes"))?.message
      : undefined;
  const nameError =
    create.error instanceof ApiError
      ? create.error.fields.find((f) => f.path === "name")?.message
      : undefined;

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">API tokens</h2>
      <p className="mb-4 text-sm text-slate-500">
        Machines send a token as <code>Authorization: Bearer …</code>. Scopes:{" "}
        <code>flags:read</code> (OFREP), <code>incidents:write</code> (declare and run incidents),{" "}
        <code>status:write</code> (publish), <code>alerts:ingest</code>, <code>admin</code>{" "}
        (everything).
      </p>
      <form
        aria-label="Create API token"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          create.mutate({
            name: String(form.get("name") ?? ""),
            scopes: form.getAll("scope").map(String),
          });
          e.currentTarget.reset();
        }}
      >
        <div className="flex-1">
          <Field label="Token name" htmlFor="token-name" error={nameError}>
            <Input id="token-name" name="name" placeholder="e.g. checkout-service" required />
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
        <fieldset className="flex w-full flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="sr-only">Scopes</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                name="scope"
                value={scope}
                defaultChecked={scope === "flags:read"}
              />
              <code className="font-mono text-xs">{scope}</code>
            </label>
          ))}
        </fieldset>
        {scopesError ? (
          <p role="alert" className="w-full text-xs text-red-600">
            {scopesError}
          </p>
        ) : null}
      </form>
      {secret ? (
        <div
          role="status"
          className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p className="font-medium">Copy this token now; it will not be shown again.</p>
          <code data-testid="new-token" className="mt-1 block break-all font-mono text-xs">
            {secret}
          </code>
        </div>
      ) : null}
      <ul className="mt-4 divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {tokens.data.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-3 py-2">
            <div>
              <p className="font-medium">
                {t.name} <code className="font-mono text-xs text-slate-500">{t.prefix}…</code>
              </p>
              <p className="text-xs text-slate-500">
                {t.scopes.join(", ")} · by {t.createdBy ?? "unknown"} · last used{" "}
                {t.lastUsedAt ? <RelativeTime iso={t.lastUsedAt} /> : "never"}
                {t.revokedAt ? " · revoked" : ""}
              </p>
            </div>
            {t.revokedAt ? null : (
              <Button
                variant="secondary"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(t.id)}
              >
                Revoke
              </Button>
            )}
          </li>
        ))}
        {tokens.data.length === 0 ? <li className="py-2 text-slate-500">No tokens yet.</li> : null}
      </ul>
    </section>
  );
}
