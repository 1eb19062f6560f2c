import { Field, Input, Textarea } from "@/components/ui/field";
import { MinutesSelect } from "@/components/ui/minutes-select";

// The structured fields of each timeline entry kind, and how a submitted form becomes its payload.

export const KINDS = [
  { kind: "update", label: "Update" },
  { kind: "decision", label: "Decision" },
  { kind: "action", label: "Action" },
  { kind: "note", label: "Note" },
] as const;
export type Kind = (typeof KINDS)[number]["kind"];

const minutesFromNow = (m: string) =>
  m ? new Date(Date.now() + Number(m) * 60_000).toISOString() : null;
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export function buildPayload(
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

export function KindFields({
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
            <MinutesSelect
              id={id("nextUpdateIn")}
              name="nextUpdateIn"
              defaultValue=""
              minutes={[5, 10, 15, 30, 60]}
              emptyLabel={cadenceMinutes ? `In ${cadenceMinutes} min (cadence)` : "No deadline"}
            />
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
            <MinutesSelect
              id={id("dueIn")}
              name="dueIn"
              defaultValue=""
              minutes={[10, 15, 30, 60, 120]}
              emptyLabel="No due time"
            />
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
