import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/seed/demo-data";

/** Signs a browser context in through next-auth's credentials endpoint (no UI clicks). */
export async function signIn(
  context: BrowserContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  const cookies = await context.cookies();
  expect(
    cookies.some((c) => c.name.includes("session-token")),
    `session cookie for ${email}`,
  ).toBe(true);
}

export async function signedInPage(context: BrowserContext, email: string): Promise<Page> {
  await signIn(context, email);
  return context.newPage();
}

export const test = base;
export { expect };

/** Screenshots for people to look at, under .tmp/screenshots (the README's come from scripts/screenshots.mjs). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `.tmp/screenshots/${name}`, fullPage });
}
