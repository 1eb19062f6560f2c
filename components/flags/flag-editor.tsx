"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";
import { DEPENDENCY_CATEGORIES } from "@/lib/incidents/schemas";
import { FLAG_KINDS, FLAG_VALUE_TYPES, type FlagDto } from "@/lib/flags/schemas";
import { queryKeys } from "@/lib/query-keys";

function parseDefault(type: string, raw: string): unknown {
  if (type === "boolean") return raw === "true";
  if (type === "number") return Number(raw);
  if (type === "object") {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Create (no `flag`) or edit a flag's settings. Admins only; values change through flips. */
export function FlagEditor({ flag, onDone }: { flag?: FlagDto; onDone: () => void }) {
  const queryClient = useQueryClient();
  const id = flag ? `edit-${flag.key}` : "new-flag";
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      flag
        ? apiFetch<FlagDto>(`/api/flags/${encodeURIComponent(flag.key)}`, {
            method: "PATCH",
            json: body,
          })
        : apiFetch<FlagDto>("/api/flags", { method: "POST", json: body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.flags.all });
      onDone();
    },
  });
  const err = (path: string) =>
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.path === path)?.message
      : undefined;

  return (
    <form
      aria-label={flag ? `Edit ${flag.key}` : "New flag"}
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-2 dark:border-slate-700 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const type = flag?.valueType ?? String(f.get("valueType"));
        const dep = String(f.get("dependencyCategory") ?? "");
        save.mutate({
          ...(flag ? {} : { key: String(f.get("key") ?? ""), valueType: type }),
          description: String(f.get("description") ?? ""),
          kind: String(f.get("kind")),
          dependencyCategory: dep || null,
          revertOnResolve: f.get("revertOnResolve") === "on",
          defaultValue: parseDefault(type, String(f.get("defaultValue") ?? "")),
        });
      }}
    >
      {flag ? null : (
        <>
          <Field
            label="Key"
            htmlFor={`${id}-key`}
            error={err("key")}
            hint="e.g. payments.defer_mode"
          >
            <Input id={`${id}-key`} name="key" required />
          </Field>
          <Field label="Value type" htmlFor={`${id}-type`} error={err("valueType")}>
            <Select id={`${id}-type`} name="valueType" defaultValue="boolean">
              {FLAG_VALUE_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </Select>
          </Field>
        </>
      )}
      <div className="md:col-span-2">
        <Field label="Description" htmlFor={`${id}-description`} error={err("description")}>
          <Textarea
            id={`${id}-description`}
            name="description"
            rows={2}
            defaultValue={flag?.description}
          />
        </Field>
      </div>
      <Field label="Kind" htmlFor={`${id}-kind`} error={err("kind")}>
        <Select id={`${id}-kind`} name="kind" defaultValue={flag?.kind ?? "degradation"}>
          {FLAG_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Dependency" htmlFor={`${id}-dep`} error={err("dependencyCategory")}>
        <Select
          id={`${id}-dep`}
          name="dependencyCategory"
          defaultValue={flag?.dependencyCategory ?? ""}
        >
          <option value="">Any</option>
          {DEPENDENCY_CATEGORIES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </Select>
      </Field>
      <Field
        label="Default (safe) value"
        htmlFor={`${id}-default`}
        error={err("defaultValue")}
        hint="JSON for objects"
      >
        <Input
          id={`${id}-default`}
          name="defaultValue"
          defaultValue={
            flag
              ? typeof flag.defaultValue === "string"
                ? flag.defaultValue
                : JSON.stringify(flag.defaultValue)
              : "false"
          }
        />
      </Field>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="revertOnResolve" defaultChecked={flag?.revertOnResolve} />
        Revert when the linked incident resolves
      </label>
      {save.error && !(save.error instanceof ApiError && save.error.fields.length) ? (
        <p role="alert" className="text-sm text-red-600 md:col-span-2">
          {save.error.message}
        </p>
      ) : null}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          {flag ? "Save" : "Create flag"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
