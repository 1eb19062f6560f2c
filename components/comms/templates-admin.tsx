"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { TemplateDto } from "@/lib/comms";
import { queryKeys } from "@/lib/query-keys";
import { STATUS_LABELS } from "@/lib/status/schemas";
import { Button } from "@/components/ui/button";
import { TemplateForm } from "./template-form";
import { useStatusData } from "./use-status-data";

const card =
  "rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";

/** The customer messages the war room's picker offers; admins create, edit and archive them. */
export function TemplatesAdmin({ canManage }: { canManage: boolean }) {
  const queryClient = useQueryClient();
  const { templates } = useStatusData();
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.status.templates });
  const archive = useMutation({
    mutationFn: (key: string) => apiFetch(`/api/status/templates/${key}`, { method: "DELETE" }),
    onSuccess: (_, key) => {
      if (editingKey === key) setEditingKey(null);
      void refresh();
    },
  });
  const editing = templates.data?.find((t) => t.key === editingKey);
  const done = () => {
    setEditingKey(null);
    void refresh();
  };

  return (
    <section className={card} aria-labelledby="tpl-h">
      <h2 id="tpl-h" className="mb-1 font-semibold">
        Message templates
      </h2>
      <p className="mb-3 text-sm text-slate-500">
        Ready-made customer messages offered in every war room&apos;s publish panel.
      </p>
      <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {(templates.data ?? []).map((t) => (
          <TemplateRow
            key={t.key}
            template={t}
            canManage={canManage}
            isEditing={t.key === editingKey}
            onEdit={() => setEditingKey(t.key)}
            onArchive={() => {
              const question = `Archive “${t.name}”? It leaves the war-room template picker and its key cannot be reused.`;
              if (window.confirm(question)) archive.mutate(t.key);
            }}
          />
        ))}
        {templates.data?.length === 0 ? (
          <li className="py-2 text-slate-500">No templates yet.</li>
        ) : null}
      </ul>
      {archive.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {archive.error.message}
        </p>
      ) : null}
      {canManage ? (
        <div className="mt-4">
          <TemplateForm key={editing?.key ?? "new"} editing={editing} onDone={done} />
        </div>
      ) : null}
    </section>
  );
}

function TemplateRow({
  template: t,
  canManage,
  isEditing,
  onEdit,
  onArchive,
}: {
  template: TemplateDto;
  canManage: boolean;
  isEditing: boolean;
  onEdit: () => void;
  onArchive: () => void;
}) {
  return (
    <li className="flex items-start justify-between gap-2 py-2" data-key={t.key}>
      <div className="min-w-0 flex-1 space-y-1">
        <p>
          <span className="font-medium">{t.name}</span>{" "}
          <code className="text-xs text-slate-500">{t.key}</code>{" "}
          <span className="text-slate-500">
            · {STATUS_LABELS[t.status] ?? t.status} ·{" "}
            {t.impact === "none" ? "no impact" : `${t.impact} impact`}
          </span>
        </p>
        <p className="text-slate-600 dark:text-slate-400">{t.title}</p>
        <p className="flex flex-wrap gap-1" aria-label={`Variables of ${t.name}`}>
          {t.variables.map((v) => (
            <code key={v} className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">
              {`{{${v}}}`}
            </code>
          ))}
        </p>
      </div>
      {canManage ? (
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            aria-label={`Edit ${t.name}`}
            aria-pressed={isEditing}
            onClick={onEdit}
          >
            Edit
          </Button>
          <Button variant="ghost" aria-label={`Archive ${t.name}`} onClick={onArchive}>
            Archive
          </Button>
        </div>
      ) : null}
    </li>
  );
}
