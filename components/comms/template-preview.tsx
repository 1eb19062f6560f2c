"use client";

import { renderTemplate, templateVariables } from "@/lib/comms/render-template";
import { MessagePreview } from "./message-preview";

// Sample values for the live preview: the protocol's usual variables, else the name in brackets.
const SAMPLES: Record<string, string> = {
  started_at: "14:05 UTC",
  resolved_at: "15:40 UTC",
  next_update_at: "14:35 UTC",
  components: "Checkout and Payment processing",
  dependency: "Adyen",
  region: "eu-west-1",
  workaround: "Saved cards still work.",
  data_integrity: "no data was lost",
  resolution: "Our provider fixed a faulty deploy.",
};
const sample = (name: string) => SAMPLES[name] ?? `[${name}]`;

/** The derived variables and the message rendered with sample values, as customers see it. */
export function TemplatePreview({
  title,
  body,
  status,
  isParseable,
}: {
  title: string;
  body: string;
  status: string;
  isParseable: boolean;
}) {
  const template = { title, body, variables: [] };
  const variables = isParseable ? templateVariables(template) : [];
  const rendered = isParseable
    ? renderTemplate(template, Object.fromEntries(variables.map((v) => [v, sample(v)])))
    : null;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Variables:{" "}
        {variables.length ? (
          variables.map((v) => (
            <code key={v} className="mr-1 rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">
              {`{{${v}}}`}
            </code>
          ))
        ) : (
          <span className="text-slate-400">none</span>
        )}
      </p>
      <MessagePreview
        title={rendered?.title ?? title}
        status={status}
        body={rendered?.body ?? ""}
        nextUpdateBy={null}
      />
      <p className="text-xs text-slate-500">Sample values stand in for the variables.</p>
    </div>
  );
}
