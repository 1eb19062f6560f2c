"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";

/** Sets the first password for an invite link (#token=… in the fragment). */
export function AcceptInviteForm() {
  const router = useRouter();
  const [token, setToken] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    setToken(new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "");
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setErrors({ confirm: "The two passwords differ" });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const user = await apiFetch<{ email: string }>("/api/invites/accept", {
        method: "POST",
        json: { token, password },
      });
      router.replace(`/signin?joined=${encodeURIComponent(user.email)}`);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setErrors(
        fields.length
          ? Object.fromEntries(fields.map((f) => [f.path, f.message]))
          : { token: error instanceof Error ? error.message : "Something went wrong" },
      );
    } finally {
      setPending(false);
    }
  }

  if (token === "") {
    return <p className="text-sm text-red-600">This invite link is incomplete.</p>;
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label="Set your password">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Choose a password (at least 12 characters) to finish joining.
      </p>
      <Field label="Password" htmlFor="password" error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Field label="Confirm password" htmlFor="confirm" error={errors.confirm ?? errors.token}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending || token === null}>
        {isPending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
