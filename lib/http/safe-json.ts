// JSON whose text never contains <, > or & (nor the JS line separators): the same value for any
// JSON parser, but inert if a browser or a careless consumer ever treats it as HTML.

const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export function safeJsonStringify(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(UNSAFE, (c) => ESCAPES[c] ?? c);
}
