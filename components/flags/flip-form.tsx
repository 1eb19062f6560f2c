"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { FlagDto } from "@/lib/flags/schemas";
import { queryKeys } from "@/lib/query-keys";
import { showValue } from "./flag-bits";

export type LinkableIncident = { id: string; number: number; title: string };

const ENDS = [
  { id: "10", label: "In 10 minutes" },
  { id: "30", label: "In 30 minutes" },
  { id: "60", label: "In 1 hour" },
  { id: "240", label: "In 4 hours" },
  { id: "at", label: "At a time…" },
  { id: "on_resolve", label: "When the incident resolves" },
  { id: "never", label: "Never (stays until flipped back)" },
] as const;
type EndChoice = (typeof ENDS)[number]["id"];

function parseValue(flag: FlagDto, raw: string): unknown {
  if (flag.valueType === "number") return Number(raw);
  if (flag.valueType === "object") {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

type Props = {
  flag: FlagDto;
  incidents: LinkableIncident[];
  defaultIncidentId?: string;
  defaultReason?: string;
  onDone: () => void;
};

/** Flip with a reason and an end; a boolean flips to its opposite. Sends an Idempotency-Key. */
export function FlipForm({ flag, incidents, defaultIncidentId, defaultReason, onDone }: Props) {
  const queryClient = useQueryClient();
  const id = `flip-${flag.key}`;
  const isBoolean = flag.valueType === "boolean";
  const [raw, setRaw] = useState(isBoolean ? "" : showValue(flag.value));
  const [incidentId, setIncidentId] = useState(defaultIncidentId ?? "");
  const [ends, setEnds] = useState<EndChoice>("30");
  const [at, setAt] = useState("");
  const [confirmNever, setConfirmNever] = useState(false);
  const attempt = useRef<string | null>(null);
  const next = isBoolean ? !flag.value : parseValue(flag, raw);
  const isRelaxation = JSON.stringify(next) !== JSON.stringify(flag.defaultValue);

  const flip = useMutation({
    mutationFn: (body: Record<string, unknown>) => {
      attempt.current ??= crypto.randomUUID();
      return apiFetch<FlagDto>(`/api/flags/${encodeURIComponent(flag.key)}/flip`, {
        method: "POST",
        json: body,
        headers: { "idempotency-key": attempt.current },
      });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData<FlagDto[]>(queryKeys.flags.all, (all) =>
        all?.map((f) => (f.key === updated.key ? updated : f)),
      );
      onDone();
    },
    onError: () => {
      attempt.current = null;
      void queryClient.invalidateQueries({ queryKey: queryKeys.flags.all });
    },
  });
  const fieldError = (path: string) =>
    flip.error instanceof ApiError
      ? flip.error.fields.find((f) => f.path === path)?.message
      : undefined;

  const submit = (form: FormData) => {
    const endsWhen = ends === "never" ? "never" : ends === "on_resolve" ? "on_resolve" : "at_time";
    const expiresAt =
      ends === "at"
        ? at && new Date(at).toISOString()
        : /^\d+$/.test(ends)
          ? new Date(Date.now() + Number(ends) * 60_000).toISOString()
          : undefined;
    flip.mutate({
      value: next,
      expectedVersion: flag.version,
      reason: String(form.get("reason") ?? ""),
      incidentId: incidentId || null,
      ...(isRelaxation ? { endsWhen, expiresAt: expiresAt || undefined, confirmNever } : {}),
    });
  };

  return (
    <form
      aria-label={`Flip ${flag.key}`}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-800/40"
      onSubmit={(e) => {
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
    >
      {isBoolean ? (
        <p className="text-sm">
          Set <code className="font-mono">{flag.key}</code> to{" "}
          <strong className="font-mono">{showValue(next)}</strong>
          {isRelaxation ? " (a relaxation)" : " (back to default)"}
        </p>
      ) : (
        <Field label="New value" htmlFor={`${id}-value`} error={fieldError("value")}>
          <Input id={`${id}-value`} value={raw} onChange={(e) => setRaw(e.target.value)} />
        </Field>
      )}
      <Field label="Reason" htmlFor={`${id}-reason`} error={fieldError("reason")}>
        <Textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          defaultValue={defaultReason}
          required
        />
      </Field>
      <Field label="Incident" htmlFor={`${id}-incident`} error={fieldError("incidentId")}>
        <Select
          id={`${id}-incident`}
          value={incidentId}
          onChange={(e) => setIncidentId(e.target.value)}
        >
          <option value="">Not linked</option>
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              INC-{i.number} · {i.title}
            </option>
          ))}
        </Select>
      </Field>
      {isRelaxation ? (
        <Field
          label="Ends"
          htmlFor={`${id}-ends`}
          error={fieldError("endsWhen") ?? fieldError("expiresAt") ?? fieldError("confirmNever")}
        >
          <Select
            id={`${id}-ends`}
            value={ends}
            onChange={(e) => setEnds(e.target.value as EndChoice)}
          >
            {ENDS.map((o) => (
              <option key={o.id} value={o.id} disabled={o.id === "on_resolve" && !incidentId}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {isRelaxation && ends === "at" ? (
        <Field label="Revert at" htmlFor={`${id}-at`}>
          <Input
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            required
          />
        </Field>
      ) : null}
      {isRelaxation && ends === "never" && flag.kind === "kill_switch" ? (
        <label className="flex items-start gap-2 rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <input
            type="checkbox"
            checked={confirmNever}
            onChange={(e) => setConfirmNever(e.target.checked)}
            className="mt-1"
          />
          I confirm this kill switch stays flipped with no automatic end.
        </label>
      ) : null}
      {flip.error && !(flip.error instanceof ApiError && flip.error.fields.length) ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {flip.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={flip.isPending}>
          {flip.isPending ? "Flipping…" : "Flip"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
