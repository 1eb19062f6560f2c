import type { Tx } from "../db";
import { validationError } from "../errors";
import { renderTemplate, unfilledVariables } from "./render-template";

export type ResolvedMessage = {
  title: string | null;
  body: string;
  templateKey: string | null;
  status: string | null;
  impact: string | null;
};

const PLACEHOLDER = /\{\{[^}]*\}\}/;

/**
 * Turns a publish request into the exact text customers will see. With a template, every
 * variable must be filled: otherwise the request is refused, naming each empty variable.
 */
export async function resolveMessage(
  tx: Tx,
  input: { templateKey?: string | null; variables: Record<string, string>; body?: string },
): Promise<ResolvedMessage> {
  if (input.templateKey) {
    const template = await tx.messageTemplate.findFirst({
      where: { key: input.templateKey, archivedAt: null },
    });
    if (!template) {
      throw validationError([{ path: "templateKey", message: "No template has this key" }]);
    }
    const unfilled = unfilledVariables(template, input.variables);
    if (unfilled.length) {
      throw validationError(
        unfilled.map((name) => ({ path: `variables.${name}`, message: `Fill in {{${name}}}` })),
      );
    }
    const rendered = renderTemplate(template, input.variables);
    return {
      title: rendered.title,
      body: rendered.body,
      templateKey: template.key,
      status: template.status,
      impact: template.impact,
    };
  }
  const body = input.body?.trim();
  if (!body) throw validationError([{ path: "body", message: "The message is required" }]);
  if (PLACEHOLDER.test(body)) {
    throw validationError([{ path: "body", message: "The message still has a {{placeholder}}" }]);
  }
  return { title: null, body, templateKey: null, status: null, impact: null };
}
