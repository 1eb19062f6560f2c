"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/api-client";
import type { TemplateDto } from "@/lib/comms";
import { mustacheProblem, TEMPLATE_STATUSES } from "@/lib/comms/schemas";
import { IMPACTS, STATUS_LABELS } from "@/lib/status/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { TemplatePreview } from "./template-preview";

type Draft = {
  key: string;
  name: string;
  title: string;
  body: string;
  status: string;
  impact: string;
};
const EMPTY: Draft = {
  key: "",
  name: "",
  title: "",
  body: "",
  status: "investigating",
  impact: "minor",
};

const toDraft = (t: TemplateDto): Draft => ({
  key: t.key,
  name: t.name,
  title: t.title,
  body: t.body,
  status: t.status,
  impact: t.impact,
});

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);

/** Create (no `editing`) or edit one template, with a live preview from sample values. */
export function TemplateForm({
  editing,
  onDone,
}: {
  editing?: TemplateDto;
  onDone: (saved?: TemplateDto) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => (editing ? toDraft(editing) : EMPTY));
  const [isKeyEdited, setIsKeyEdited] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const { key: _key, ...fields } = draft;
      return editing
        ? apiFetch<TemplateDto>(`/api/status/templates/${editing.key}`, {
            method: "PATCH",
            json: fields,
          })
        : apiFetch<TemplateDto>("/api/status/templates", { method: "POST", json: draft });
    },
    onSuccess: (saved) => {
      if (!editing) setDraft(EMPTY);
      setIsKeyEdited(false);
      onDone(saved);
    },
  });
  const apiFields = save.error instanceof ApiError ? save.error.fields : [];
  const fieldError = (path: string) => apiFields.find((f) => f.path === path)?.message;
  const otherError =
    save.error && !apiFields.some((f) => f.path in EMPTY) ? save.error.message : undefined;

  const titleProblem = mustacheProblem(draft.title);
  const bodyProblem = mustacheProblem(draft.body);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  return (
    <form
      aria-label={editing ? `Edit template ${editing.name}` : "New template"}
      className="grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-2 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="space-y-3">
        <h3 className="text-sm font-semibold">
          {editing ? `Edit “${editing.name}”` : "New template"}
        </h3>
        <Field label="Name" htmlFor="tpl-name" error={fieldError("name")}>
          <Input
            id="tpl-name"
            required
            value={draft.name}
            onChange={(e) =>
              set({
                name: e.target.value,
                ...(editing || isKeyEdited ? {} : { key: slug(e.target.value) }),
              })
            }
          />
        </Field>
        {editing ? null : (
          <Field
            label="Key"
            htmlFor="tpl-key"
            hint="Lowercase letters, digits, - and _; fixed once created."
            error={fieldError("key")}
          >
            <Input
              id="tpl-key"
              required
              placeholder="payment_delays"
              className="font-mono"
              value={draft.key}
              onChange={(e) => {
                setIsKeyEdited(true);
                set({ key: e.target.value });
              }}
            />
          </Field>
        )}
        <Field label="Title" htmlFor="tpl-title" error={fieldError("title") ?? titleProblem}>
          <Input
            id="tpl-title"
            required
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </Field>
        <Field
          label="Body"
          htmlFor="tpl-body"
          hint="Mustache: {{variable}} placeholders, {{#variable}}…{{/variable}} sections."
          error={fieldError("body") ?? bodyProblem}
        >
          <Textarea
            id="tpl-body"
            required
            rows={6}
            value={draft.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Status" htmlFor="tpl-status" error={fieldError("status")}>
            <Select
              id="tpl-status"
              value={draft.status}
              onChange={(e) => set({ status: e.target.value })}
            >
              {TEMPLATE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Impact" htmlFor="tpl-impact" error={fieldError("impact")}>
            <Select
              id="tpl-impact"
              value={draft.impact}
              onChange={(e) => set({ impact: e.target.value })}
            >
              {IMPACTS.map((i) => (
                <option key={i} value={i}>
                  {i.charAt(0).toUpperCase() + i.slice(1)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {otherError ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {otherError}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending}>
            {editing ? "Save changes" : "Create template"}
          </Button>
          {editing ? (
            <Button type="button" variant="secondary" onClick={() => onDone()}>
              Cancel
            </Button>
          ) : null}
        </div>
      </div>
      <TemplatePreview
        title={draft.title}
        body={draft.body}
        status={draft.status}
        isParseable={!titleProblem && !bodyProblem}
      />
    </form>
  );
}
