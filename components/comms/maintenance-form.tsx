"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { useStatusData } from "./use-status-data";

const toIso = (local: string) => (local ? new Date(local).toISOString() : "");

export function MaintenanceForm() {
  const queryClient = useQueryClient();
  const { components } = useStatusData();
  const [form, setForm] = useState({
    name: "",
    body: "",
    from: "",
    until: "",
    componentIds: [] as string[],
  });
  const schedule = useMutation({
    mutationFn: () =>
      apiFetch("/api/status/maintenances", {
        method: "POST",
        json: {
          name: form.name,
          body: form.body,
          componentIds: form.componentIds,
          scheduledFor: toIso(form.from),
          scheduledUntil: toIso(form.until),
        },
      }),
    onSuccess: () => {
      setForm({ name: "", body: "", from: "", until: "", componentIds: [] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.status.all });
    },
  });
  const err = (path: string) =>
    schedule.error instanceof ApiError
      ? schedule.error.fields.find((f) => f.path === path)?.message
      : undefined;
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate();
      }}
    >
      <Field label="Title" htmlFor="m-name" error={err("name")}>
        <Input
          id="m-name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </Field>
      <Field
        label="Components"
        htmlFor="m-comps"
        hint="Set under maintenance while the window is open"
      >
        <select
          id="m-comps"
          multiple
          className="w-full rounded-md border border-slate-300 bg-white p-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          value={form.componentIds}
          onChange={(e) =>
            setForm({ ...form, componentIds: [...e.target.selectedOptions].map((o) => o.value) })
          }
        >
          {(components.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Starts (your time)" htmlFor="m-from" error={err("scheduledFor")}>
        <Input
          id="m-from"
          type="datetime-local"
          required
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
      </Field>
      <Field label="Ends (your time)" htmlFor="m-until" error={err("scheduledUntil")}>
        <Input
          id="m-until"
          type="datetime-local"
          required
          value={form.until}
          onChange={(e) => setForm({ ...form, until: e.target.value })}
        />
      </Field>
      <div className="sm:col-span-2">
        <Field label="Message to customers" htmlFor="m-body" error={err("body")}>
          <Textarea
            id="m-body"
            rows={3}
            required
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
        </Field>
      </div>
      {schedule.error && !(schedule.error instanceof ApiError && schedule.error.fields.length) ? (
        <p role="alert" className="text-sm text-red-600">
          {schedule.error.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={schedule.isPending}>
          Schedule
        </Button>
      </div>
    </form>
  );
}
