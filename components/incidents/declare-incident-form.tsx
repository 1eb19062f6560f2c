"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";
import {
  DEPENDENCY_CATEGORIES,
  SEVERITIES,
  SEVERITY_DEFINITIONS,
  type IncidentSummaryDto,
} from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";

export function DeclareIncidentForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("SEV2");
  const declare = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiFetch<IncidentSummaryDto>("/api/incidents", { method: "POST", json: input }),
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
