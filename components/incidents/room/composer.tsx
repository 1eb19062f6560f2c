"use client";

import { useState } from "react";
import { Send, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { enqueue } from "@/lib/outbox/outbox";
import { PendingWrites } from "./pending-writes";

const KINDS = [
  { kind: "update", label: "Update" },
  { kind: "decision", label: "Decision" },
  { kind: "action", label: "Action" },
  { kind: "note", label: "Note" },
] as const;
type Kind = (typeof KINDS)[number]["kind"];

const minutesFromNow = (m: string) =>
  m ? new Date(Date.now() + Number(m) * 60_000).toISOString() : null;
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

function buildPayload(
  kind: Kind,
  form: FormData,
): { payload: Record<string, unknown>; label: string } {
  switch (kind) {
    case "update":
      return {
        label: text(form, "known"),
        payload: {
          known: text(form, "known"),
          impact: text(form, "impact"),
          nextSteps: text(form, "nextSteps"),
          nextUpdateDueAt: minutesFromNow(text(form, "nextUpdateIn")),
        },
      };
    case "decision":
      return {
        label: `${text(form, "question")} → ${text(form, "choice")}`,
        payload: {
          question: text(form, "question"),
          options: text(form, "options")
            .split("\n")
            .map((o) => o.trim())
            .filter(Boolean),
          choice: text(form, "choice"),
          rationale: text(form, "rationale"),
          decidedBy: text(form, "decidedBy"),
          isReversible: form.get("isReversible") === "on",
        },
      };
    case "action":
      return {
        label: text(form, "what"),
        payload: {
          what: text(form, "what"),
          owner: text(form, "owner"),
          dueAt: minutesFromNow(text(form, "dueIn")),
          isDone: false,
        },
      };
    case "note":
      return { label: text(form, "text"), payload: { text: text(form, "text") } };
  }
}

type Props = {
  incidentId: string;
  canWrite: boolean;
  commanderName?: string;
  cadenceMinutes: number | null;
  amending?: number;
  onStopAmending: () => void;
};

/**
 * Structured entries for the timeline. Submitting puts the entry in the outbox (it survives a
 * reload and a lost connection) and clears the form; the outbox list shows pending and sent.
 */
export function Composer({
  incidentId,
  canWrite,
  commanderName,
  cadenceMinutes,
  amending,
  onStopAmending,
}: Props) {
  const [kind, setKind] = useState<Kind>("update");
  const [formKey, setFormKey] = useState(0);
  const activeKind: Kind = amending ? "note" : kind;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.reportValidity()) return;
    const { payload, label } = buildPayload(activeKind, new FormData(form));
    await enqueue({
      incidentId,
      url: `/api/incidents/${incidentId}/timeline`,
      method: "POST",
      body: { kind: activeKind, payload, ...(amending ? { amendsSeq: amending } : {}) },
      label: `${amending ? `Correction to #${amending}` : KINDS.find((k) => k.kind === activeKind)?.label}: ${label}`,
    });
    setFormKey((k) => k + 1);
    onStopAmending();
  }

  if (!canWrite) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500">
        Viewers read the timeline; responders write to it.
      </p>
    );
  }

  return (
    <section
      aria-label="Composer"
      className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div
        role="tablist"
        aria-label="Entry kind"
        className="flex border-b border-slate-100 px-2 dark:border-slate-800"
      >
        {KINDS.map(({ kind: k, label }) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={activeKind === k}
            disabled={Boolean(amending)}
            onClick={() => setKind(k)}
            className={cn(
              "border-b-2 px-3 py-2 text-sm font-medium",
              activeKind === k
                ? "border-red-600 text-slate-900 dark:text-white"
                : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <form
        key={`${activeKind}-${formKey}`}
        onSubmit={(e) => void onSubmit(e)}
        className="space-y-3 p-4"
      >
        {amending ? (
          <p className="flex items-center justify-between rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Correcting entry #{amending}: entries are never edited; this note amends it.
            <button type="button" aria-label="Stop correcting" onClick={onStopAmending}>
              <X className="h-4 w-4" />
            </button>
          </p>
        ) : null}
        <KindFields
          kind={activeKind}
          commanderName={commanderName}
          cadenceMinutes={cadenceMinutes}
        />
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500">
            Saved on this device first: safe to send while offline.
          </p>
          <Button type="submit">
            <Send className="h-4 w-4" aria-hidden />{" "}
            {amending ? "Post correction" : `Post ${activeKind}`}
          </Button>
        </div>
      </form>
      <PendingWrites incidentId={incidentId} />
    </section>
  );
}

function KindFields({
  kind,
  commanderName,
  cadenceMinutes,
}: {
  kind: Kind;
  commanderName?: string;
  cadenceMinutes: number | null;
}) {
  const id = (name: string) => `composer-${kind}-${name}`;
  switch (kind) {
    case "update":
      return (
        <div className="grid gap-3 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field label="What we know" htmlFor={id("known")}>
              <Textarea
                id={id("known")}
                name="known"
                rows={2}
                required
                maxLength={4000}
                placeholder="Gateway calls time out after 30 s; 78% of checkouts fail."
              />
            </Field>
          </div>
          <Field label="Customer impact" htmlFor={id("impact")}>
            <Textarea id={id("impact")} name="impact" rows={2} maxLength={2000} />
          </Field>
          <Field label="Next steps" htmlFor={id("nextSteps")}>
            <Textarea id={id("nextSteps")} name="nextSteps" rows={2} maxLength={2000} />
          </Field>
          <Field label="Next update due" htmlFor={id("nextUpdateIn")}>
            <Select id={id("nextUpdateIn")} name="nextUpdateIn" defaultValue="">
              <option value="">
                {cadenceMinutes ? `In ${cadenceMinutes} min (cadence)` : "No deadline"}
              </option>
              {[5, 10, 15, 30, 60].map((m) => (
                <option key={m} value={m}>
                  In {m} min
                </option>
              ))}
            </Select>
          </Field>
        </div>
      );
    case "decision":
      return (
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Question" htmlFor={id("question")}>
            <Input
              id={id("question")}
              name="question"
              required
              maxLength={1000}
              placeholder="Queue payments for later capture?"
            />
          </Field>
          <Field label="Choice" htmlFor={id("choice")}>
            <Input id={id("choice")} name="choice" required maxLength={1000} />
          </Field>
          <Field label="Options considered (one per line)" htmlFor={id("options")}>
            <Textarea id={id("options")} name="options" rows={3} />
          </Field>
          <Field label="Rationale" htmlFor={id("rationale")}>
            <Textarea id={id("rationale")} name="rationale" rows={3} maxLength={2000} />
          </Field>
          <Field label="Decided by" htmlFor={id("decidedBy")}>
            <Input
              id={id("decidedBy")}
              name="decidedBy"
              defaultValue={commanderName}
              maxLength={200}
            />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="isReversible" defaultChecked /> Reversible
          </label>
        </div>
      );
    case "action":
      return (
        <div className="grid gap-3 md:grid-cols-3">
          <div className="md:col-span-3">
            <Field label="What" htmlFor={id("what")}>
              <Input
                id={id("what")}
                name="what"
                required
                maxLength={1000}
                placeholder="Open a priority ticket with Stripe"
              />
            </Field>
          </div>
          <Field label="Owner" htmlFor={id("owner")}>
            <Input id={id("owner")} name="owner" maxLength={200} />
          </Field>
          <Field label="Due" htmlFor={id("dueIn")}>
            <Select id={id("dueIn")} name="dueIn" defaultValue="">
              <option value="">No due time</option>
              {[10, 15, 30, 60, 120].map((m) => (
                <option key={m} value={m}>
                  In {m} min
                </option>
              ))}
            </Select>
          </Field>
        </div>
      );
    case "note":
      return (
        <Field label="Note" htmlFor={id("text")}>
          <Textarea id={id("text")} name="text" rows={2} required maxLength={4000} />
        </Field>
      );
  }
}
