"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS } from "@/lib/status/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useStatusData } from "./use-status-data";

export function ComponentsAdmin({
  canManage,
  canPublish,
}: {
  canManage: boolean;
  canPublish: boolean;
}) {
  const queryClient = useQueryClient();
  const { components } = useStatusData();
  const [form, setForm] = useState({
    name: "",
    group: "",
    description: "",
    showOnlyWhenDegraded: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.status.all });
  const patch = useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> }) =>
      apiFetch(`/api/status/components/${v.id}`, { method: "PATCH", json: v.body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/status/components/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const create = useMutation({
    mutationFn: () =>
      apiFetch("/api/status/components", {
        method: "POST",
        json: { ...form, position: components.data?.length ?? 0 },
      }),
    onSuccess: () => {
      setForm({ name: "", group: "", description: "", showOnlyWhenDegraded: false });
      void refresh();
    },
  });
  const nameError =
    create.error instanceof ApiError
      ? (create.error.fields.find((f) => f.path === "name")?.message ?? create.error.message)
      : undefined;
  return (
    <div className="space-y-4">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Component</th>
            <th>Group</th>
            <th>Status</th>
            <th className="sr-only">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {(components.data ?? []).map((c) => (
            <tr key={c.id}>
              <td className="py-2">
                <span className="font-medium">{c.name}</span>
                {c.showOnlyWhenDegraded ? (
                  <span className="ml-2 text-xs text-slate-500">(shown only when degraded)</span>
                ) : null}
                <span className="block text-xs text-slate-500">{c.description}</span>
              </td>
              <td className="text-slate-600 dark:text-slate-400">{c.group ?? "—"}</td>
              <td>
                <select
                  aria-label={`Status of ${c.name}`}
                  disabled={!canPublish}
                  value={c.status}
                  onChange={(e) => patch.mutate({ id: c.id, body: { status: e.target.value } })}
                  className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
                >
                  {COMPONENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {COMPONENT_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="text-right">
                {canManage ? (
                  <Button
                    variant="ghost"
                    onClick={() => {
                      if (window.confirm(`Delete ${c.name}?`)) remove.mutate(c.id);
                    }}
                  >
                    Delete
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage ? (
        <form
          className="grid gap-3 sm:grid-cols-[1fr_10rem_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label="New component" htmlFor="comp-name" error={nameError}>
            <Input
              id="comp-name"
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </Field>
          <Field label="Group" htmlFor="comp-group">
            <Input
              id="comp-group"
              value={form.group}
              onChange={(e) => setForm({ ...form, group: e.target.value })}
            />
          </Field>
          <Field label="Description" htmlFor="comp-desc">
            <Input
              id="comp-desc"
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </Field>
          <Button type="submit" disabled={create.isPending}>
            Add
          </Button>
          <label className="flex items-center gap-2 text-sm sm:col-span-4">
            <input
              type="checkbox"
              checked={form.showOnlyWhenDegraded}
              onChange={(e) => setForm({ ...form, showOnlyWhenDegraded: e.target.checked })}
            />
            Show only when not operational
          </label>
        </form>
      ) : null}
    </div>
  );
}
