import Mustache from "mustache";

// Logic-less rendering with Mustache. Output is plain text: every surface escapes it for its
// own context (HTML, XML, JSON, email), so Mustache's HTML escaping would double-escape here.
// A value is inserted literally and never re-parsed as a template.

export type TemplateLike = { title: string; body: string; variables: string[] };

const NAME_TOKENS = new Set(["name", "&", "{", "#", "^"]);

type Token = [string, string, number, number, Token[]?];

function collect(tokens: Token[], into: Set<string>): void {
  for (const token of tokens) {
    if (NAME_TOKENS.has(token[0])) into.add(token[1]);
    if (token[4]) collect(token[4], into);
  }
}

/** Every variable the template uses, declared or not, in order of first appearance. */
export function templateVariables(template: TemplateLike): string[] {
  const found = new Set<string>(template.variables);
  collect(Mustache.parse(template.title) as Token[], found);
  collect(Mustache.parse(template.body) as Token[], found);
  return [...found];
}

export function unfilledVariables(
  template: TemplateLike,
  values: Record<string, string | undefined>,
): string[] {
  return templateVariables(template).filter((name) => !values[name]?.trim());
}

const PLAIN = { escape: (value: unknown) => String(value) };

export function renderTemplate(
  template: TemplateLike,
  values: Record<string, string | undefined>,
): { title: string; body: string } {
  const view = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, (v ?? "").replace(/\s+/g, " ").trim()]),
  );
  const squeeze = (text: string) => text.replace(/[ \t]{2,}/g, " ").trim();
  return {
    title: squeeze(Mustache.render(template.title, view, {}, PLAIN)),
    body: squeeze(Mustache.render(template.body, view, {}, PLAIN)),
  };
}
