import Mustache from "mustache";
import { z } from "zod";
import { IMPACTS } from "../status/schemas";

// Zod inputs for managing message templates, shared by the admin form, routes and services.

export const TEMPLATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const TEMPLATE_KEY = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

type Token = [string, string, number, number, Token[]?];

// Output is always plain text (see render-template.ts); unescaped tags would suggest otherwise.
// Partials and delimiter changes would bypass the variable form and the placeholder checks.
const REFUSED_TAGS: Record<string, string> = {
  "&": "Unescaped output ({{{name}}} or {{& name}}) is not allowed; use {{name}}",
  ">": "Partials ({{> name}}) are not supported",
  "=": "Changing delimiters ({{= =}}) is not supported",
};

function refusedTag(tokens: Token[]): string | undefined {
  for (const token of tokens) {
    const reason = REFUSED_TAGS[token[0]] ?? (token[4] ? refusedTag(token[4]) : undefined);
    if (reason) return reason;
  }
  return undefined;
}

/** Why a Mustache template is unusable, or undefined when it parses and uses only safe tags. */
export function mustacheProblem(text: string): string | undefined {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    return `The template does not parse: ${error instanceof Error ? error.message : String(error)}`;
  }
  return refusedTag(tokens);
}

const mustache = (label: string, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is too long (at most ${max} characters)`)
    .superRefine((value, ctx) => {
      const problem = mustacheProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

const fields = {
  name: z
    .string({ message: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .max(120, "Name is too long"),
  title: mustache("Title", 200),
  body: mustache("Body", 5000),
  status: z.enum(TEMPLATE_STATUSES, { message: `must be one of ${TEMPLATE_STATUSES.join(", ")}` }),
  impact: z.enum(IMPACTS, { message: `must be one of ${IMPACTS.join(", ")}` }),
};

export const TemplateKey = z
  .string({ message: "Key is required" })
  .trim()
  .min(1, "Key is required")
  .max(60, "Key is too long (at most 60 characters)")
  .regex(TEMPLATE_KEY, "Use lowercase letters and digits, joined by - or _ (like payment_delays)");

/** Variables are derived from title and body, so any `variables` in the input is dropped. */
export const CreateTemplateInput = z.object({
  key: TemplateKey,
  ...fields,
  status: fields.status.default("investigating"),
  impact: fields.impact.default("minor"),
});
export type CreateTemplateInput = z.input<typeof CreateTemplateInput>;

/** The key names the template (it is in the URL) and never changes. */
export const UpdateTemplateInput = z.object(fields).partial();
export type UpdateTemplateInput = z.input<typeof UpdateTemplateInput>;
