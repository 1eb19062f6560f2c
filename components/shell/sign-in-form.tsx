"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  RateLimited: "Too many attempts. Wait a minute, then try again.",
  AccessDenied: "Your single sign-on account has no Warroom access; ask an admin to invite you.",
  SessionExpired: "Your session ended. Sign in again.",
};

/** Email + password (always available, the break-glass path) and, when configured, SSO. */
export function SignInForm({ ssoName }: { ssoName?: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | undefined>(() => {
    const code = params.get("error");
    return code ? (MESSAGES[code] ?? "Sign-in failed. Try again.") : undefined;
  });
  const [isPending, setPending] = useState(false);
  const joined = params.get("joined");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? "Email or password is incorrect.");
      return;
    }
    const target = params.get("callbackUrl");
    router.replace(target?.startsWith("/") && !target.startsWith("//") ? target : "/incidents");
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      {joined ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Your account is ready: sign in with your new password.
        </p>
      ) : null}
      <Field label="Email" htmlFor="email">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={joined ?? undefined}
        />
      </Field>
      <Field label="Password" htmlFor="password" error={error}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
      {ssoName ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => void signIn("oidc", { callbackUrl: "/incidents" })}
        >
          Sign in with {ssoName}
        </Button>
      ) : null}
    </form>
  );
}
