"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";
import {
  DEPENDENCY_CATEGORIES,
  SEVERITIES,
  SEVERITY_DEFINITIONS,
  type IncidentSummaryDto,
} from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";
import type { UserSummaryDto } from "@/lib/users/list-users";

export function DeclareIncidentForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("SEV2");
  // One key per form: a double click or a retried request declares one incident, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => apiFetch<UserSummaryDto[]>("/api/users"),
    staleTime: 60_000,
  });
  const declare = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiFetch<IncidentSummaryDto>("/api/incidents", {
        method: "POST",
        headers: { "idempotency-key": idempotencyKey },
        json: input,
      }),
    onSuccess: async (incident) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all });
      onDone();
      router.push(`/incidents/${incident.id}`);
    },
  });
  const fieldError = (path: string) =>
    declare.error instanceof ApiError
      ? declare.error.fields.find((f) => f.path === path)?.message
      : undefined;

  return (
    <form
      aria-label="Declare incident"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        declare.mutate({
          title: String(form.get("title") ?? ""),
          severity,
          dependencyCategory: String(form.get("dependencyCategory") ?? "other"),
          dependencyName: String(form.get("dependencyName") ?? ""),
          summary: String(form.get("summary") ?? ""),
          components: String(form.get("components") ?? "")
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean),
          ...(form.get("commanderId") ? { commanderId: String(form.get("commanderId")) } : {}),
        });
      }}
    >
      <div className="md:col-span-2">
        <Field
          label="Title"
          htmlFor="title"
          error={fieldError("title")}
          hint="The only required field."
        >
          <Input
            id="title"
            name="title"
            placeholder="e.g. Payment gateway timeouts"
            required
            autoFocus
          />
        </Field>
      </div>
      <Field label="Severity" htmlFor="severity" hint={SEVERITY_DEFINITIONS[severity]}>
        <Select
          id="severity"
          name="severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value as typeof severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}: {SEVERITY_DEFINITIONS[s].split(":")[0]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Failing dependency" htmlFor="dependencyCategory">
          <Select id="dependencyCategory" name="dependencyCategory" defaultValue="other">
            {DEPENDENCY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Name" htmlFor="dependencyName">
          <Input id="dependencyName" name="dependencyName" placeholder="Stripe, us-east-1…" />
        </Field>
      </div>
      <details className="md:col-span-2">
        <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-300">
          More details (optional): summary, components, commander
        </summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field label="Summary" htmlFor="summary" error={fieldError("summary")}>
              <Textarea id="summary" name="summary" rows={2} maxLength={4000} />
            </Field>
          </div>
          <Field
            label="Affected components"
            htmlFor="components"
            hint="Comma-separated, e.g. Checkout, Payment processing"
            error={fieldError("components")}
          >
            <Input id="components" name="components" />
          </Field>
          <Field
            label="Incident commander"
            htmlFor="commanderId"
            hint="You, unless you hand it to someone now."
            error={fieldError("commanderId")}
          >
            <Select id="commanderId" name="commanderId" defaultValue="">
              <option value="">Me</option>
              {(users.data ?? [])
                .filter((u) => u.role !== "viewer")
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </Select>
          </Field>
        </div>
      </details>
      {declare.error && !fieldError("title") ? (
        <p role="alert" className="text-sm text-red-600 md:col-span-2">
          {declare.error.message}
        </p>
      ) : null}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={declare.isPending}>
          {declare.isPending ? "Declaring…" : "Declare incident"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
