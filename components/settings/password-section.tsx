"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";

/** Changes the password; every session ends, this one included, so sign in again. */
export function PasswordSection() {
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      apiFetch("/api/account/password", { method: "POST", json: input }),
    onSuccess: () => void signOut({ callbackUrl: "/signin" }),
  });
  const fieldError = (path: string) =>
    change.error instanceof ApiError
      ? change.error.fields.find((f) => f.path === path)?.message
      : undefined;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-1 font-semibold">Password</h2>
      <p className="mb-3 text-sm text-slate-500">
        Changing it signs you out everywhere; sign in again with the new one.
      </p>
      <form
        aria-label="Change password"
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          change.mutate({
            currentPassword: String(form.get("currentPassword") ?? ""),
            newPassword: String(form.get("newPassword") ?? ""),
          });
        }}
      >
        <Field label="Current password" htmlFor="pw-current" error={fieldError("currentPassword")}>
          <Input
            id="pw-current"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <Field label="New password" htmlFor="pw-new" error={fieldError("newPassword")}>
          <Input
            id="pw-new"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
          />
        </Field>
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </section>
  );
}
