"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Megaphone } from "lucide-react";
import { ApiError, apiFetch } from "@/lib/api-client";
import { reasonFor } from "@/lib/auth/permissions";
import type { StatusIncidentDto, TemplateDto } from "@/lib/comms";
import { renderTemplate, unfilledVariables } from "@/lib/comms/render-template";
import type { IncidentSummaryDto } from "@/lib/incidents/schemas";
import { queryKeys } from "@/lib/query-keys";
import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  IMPACTS,
  STATUS_LABELS,
} from "@/lib/status/schemas";
import { Button } from "@/components/ui/button";
import { MinutesSelect } from "@/components/ui/minutes-select";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { PublicCadence } from "./cadence";
import { MessagePreview } from "./message-preview";
import { useStatusData } from "./use-status-data";

const utcTime = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;
const NEXT_OPTIONS = [15, 30, 45, 60];

/** Prefills template variables from the war-room incident: dependency, components, times. */
function prefill(incident: IncidentSummaryDto, nextUpdate: Date): Record<string, string> {
  return {
    dependency: incident.dependencyName || `our ${incident.dependencyCategory} provider`,
    components: incident.components.join(" and "),
    started_at: utcTime(new Date(incident.declaredAt)),
    next_update_at: utcTime(nextUpdate),
    resolved_at: utcTime(new Date()),
  };
}

export function PublishPanel({
  incident,
  canPublish: isAllowed,
}: {
  incident: IncidentSummaryDto;
  /** Whether this person may publish for this incident (comms lead, commander, admins). */
  canPublish: boolean;
}) {
  const queryClient = useQueryClient();
  const { templates, components, incidents } = useStatusData(incident.id);
  const current = incidents.data?.find((i) => i.status !== "resolved" && i.status !== "postmortem");
  const [templateKey, setTemplateKey] = useState("");
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [freeText, setFreeText] = useState("");
  const [status, setStatus] = useState("");
  const [impact, setImpact] = useState("");
  const [nextMinutes, setNextMinutes] = useState(30);
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<{ path: string; message: string }[]>([]);

  const template: TemplateDto | undefined = templates.data?.find((t) => t.key === templateKey);
  const nextUpdate = useMemo(() => new Date(Date.now() + nextMinutes * 60_000), [nextMinutes]);
  const values = { ...prefill(incident, nextUpdate), ...edits };
  const unfilled = template ? unfilledVariables(template, values) : [];
  const rendered = template ? renderTemplate(template, values) : null;
  const effectiveStatus =
    status || template?.status || (current ? current.status : "investigating");
  const isResolving = effectiveStatus === "resolved";
  const title = current?.name ?? rendered?.title ?? incident.title;
  const body = rendered?.body ?? freeText;
  const affected = (components.data ?? []).filter((c) => incident.components.includes(c.name));
  const defaultChange = (name: string) =>
    current ? "" : incident.components.includes(name) ? "partial_outage" : "";

  const publish = useMutation({
    mutationFn: () => {
      const componentChanges = Object.fromEntries(
        (components.data ?? []).flatMap((c) => {
          const to =
            changes[c.id] ??
            (isResolving
              ? c.status !== "operational" && affected.includes(c)
                ? "operational"
                : ""
              : defaultChange(c.name));
          return to ? [[c.id, to]] : [];
        }),
      );
      const payload = {
        templateKey: template?.key ?? null,
        variables: template ? values : {},
        body: template ? undefined : freeText,
        status: effectiveStatus,
        componentChanges,
        nextUpdateBy: isResolving ? null : nextUpdate.toISOString(),
      };
      return current
        ? apiFetch<StatusIncidentDto>(`/api/status/incidents/${current.id}/updates`, {
            method: "POST",
            json: payload,
          })
        : apiFetch<StatusIncidentDto>("/api/status/incidents", {
            method: "POST",
            json: {
              ...payload,
              incidentId: incident.id,
              impact: impact || template?.impact || "minor",
            },
          });
    },
    onSuccess: () => {
      setEdits({});
      setFreeText("");
      setTemplateKey("");
      setStatus("");
      setChanges({});
      setFieldErrors([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.status.all });
    },
    onError: (error) => setFieldErrors(error instanceof ApiError ? error.fields : []),
  });

  const fieldError = (path: string) => fieldErrors.find((f) => f.path === path)?.message;
  const canPublish =
    isAllowed && !publish.isPending && body.trim().length > 0 && unfilled.length === 0;

  return (
    <section
      aria-labelledby="publish-h"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="publish-h" className="flex items-center gap-2 font-semibold">
        <Megaphone className="h-4 w-4" aria-hidden /> Customer communication
      </h2>
      {current ? (
        <PublicCadence current={current} declaredAt={incident.declaredAt} />
      ) : (
        <p className="text-xs text-slate-500">
          Not published yet. The protocol asks for a first public update within 15 minutes.
        </p>
      )}
      <Field label="Template" htmlFor="pub-template">
        <Select
          id="pub-template"
          value={templateKey}
          onChange={(e) => {
            setTemplateKey(e.target.value);
            setEdits({});
          }}
        >
          <option value="">Free text</option>
          {(templates.data ?? []).map((t) => (
            <option key={t.key} value={t.key}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {template ? (
        template.variables.map((name) => (
          <Field
            key={name}
            label={`{{${name}}}`}
            htmlFor={`pub-var-${name}`}
            error={
              fieldError(`variables.${name}`) ?? (unfilled.includes(name) ? "Required" : undefined)
            }
          >
            <Input
              id={`pub-var-${name}`}
              value={values[name] ?? ""}
              onChange={(e) => setEdits({ ...edits, [name]: e.target.value })}
            />
          </Field>
        ))
      ) : (
        <Field label="Message" htmlFor="pub-body" error={fieldError("body")}>
          <Textarea
            id="pub-body"
            rows={4}
            value={freeText}
            onChange={(e) => setFreeText(e.target.value)}
          />
        </Field>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Field label="Status" htmlFor="pub-status">
          <Select
            id="pub-status"
            value={effectiveStatus}
            onChange={(e) => setStatus(e.target.value)}
          >
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Next update in" htmlFor="pub-next">
          <MinutesSelect
            id="pub-next"
            value={nextMinutes}
            disabled={Boolean(current) && isResolving}
            onChange={(e) => setNextMinutes(Number(e.target.value))}

            minutes={NEXT_OPTIONS}
            label={(m) => `${m} min`}
          />
        </Field>
      </div>
      {!current ? (
        <Field label="Impact" htmlFor="pub-impact">
          <Select
            id="pub-impact"
            value={impact || template?.impact || "minor"}
            onChange={(e) => setImpact(e.target.value)}
          >
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Components
        </legend>
        {(components.data ?? [])
          .filter((c) => affected.includes(c) || changes[c.id] || c.status !== "operational")
          .map((c) => (
            <label key={c.id} className="flex items-center justify-between gap-2 text-xs">
              <span>{c.name}</span>
              <select
                aria-label={`New status of ${c.name}`}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
                value={changes[c.id] ?? (isResolving ? "operational" : defaultChange(c.name))}
                onChange={(e) => setChanges({ ...changes, [c.id]: e.target.value })}
              >
                <option value="">no change ({c.status.replace(/_/g, " ")})</option>
                {COMPONENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace(/_/g, " ")}
                  </option>
                ))}
              </select>
            </label>
          ))}
      </fieldset>
      <MessagePreview
        title={title}
        status={effectiveStatus}
        body={body}
        nextUpdateBy={isResolving ? null : nextUpdate.toISOString()}
      />
      {unfilled.length ? (
        <p role="alert" className="text-xs text-amber-700 dark:text-amber-300">
          Fill in {unfilled.map((v) => `{{${v}}}`).join(", ")} before publishing.
        </p>
      ) : null}
      {publish.error && !fieldErrors.length ? (
        <p role="alert" className="text-xs text-red-600">
          {publish.error.message}
        </p>
      ) : null}
      {isAllowed ? null : (
        <p id="publish-reason" className="text-xs text-slate-500">
          {reasonFor("status.publish")}
        </p>
      )}
      <Button
        type="button"
        className="w-full"
        disabled={!canPublish}
        title={isAllowed ? undefined : reasonFor("status.publish")}
        aria-describedby={isAllowed ? undefined : "publish-reason"}
        onClick={() => publish.mutate()}
      >
        {current ? "Post public update" : "Publish to status page"}
      </Button>
    </section>
  );
}
