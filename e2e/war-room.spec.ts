import type { BrowserContext, Page } from "@playwright/test";
import { expect, signedInPage, test, screenshot } from "./fixtures";

// Two people in one room: live entries, an offline gap replayed in order, the outbox, conflicts.

async function declare(page: Page, title: string): Promise<void> {
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Declare incident" }).click();
  const form = page.getByRole("form", { name: "Declare incident" });
  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

async function postNote(page: Page, text: string): Promise<void> {
  await page.getByRole("tab", { name: "Note" }).click();
  await page.getByLabel("Note", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Post note" }).click();
}

const timelineTexts = (page: Page) =>
  page.getByTestId("timeline-entry").filter({ hasText: "offline-gap" }).allInnerTexts();

async function openRoom(context: BrowserContext, email: string, url: string): Promise<Page> {
  const page = await signedInPage(context, email);
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  return page;
}

test("entries appear live, and a client that was offline gets every missed entry once, in order", async ({
  browser,
}) => {
  const commanderContext = await browser.newContext();
  const scribeContext = await browser.newContext();
  const commander = await signedInPage(commanderContext, "commander@warroom.test");
  await declare(commander, `Live room ${Date.now()}`);
  const scribe = await openRoom(scribeContext, "scribe@warroom.test", commander.url());
  await expect(commander.getByTestId("presence")).toContainText("Sam Scribe");

  await commander.getByLabel("What we know").fill("Gateway returns 504 for 60% of calls");
  await commander.getByRole("button", { name: "Post update" }).click();
  await expect(scribe.getByText("Gateway returns 504 for 60% of calls")).toBeVisible();

  await scribeContext.setOffline(true);
  await expect(scribe.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  for (let i = 1; i <= 5; i++) await postNote(commander, `offline-gap ${i}`);
  await expect(
    commander.getByTestId("outbox-item").filter({ hasText: "offline-gap 5" }),
  ).toHaveAttribute("data-state", "sent");
  await expect(scribe.getByText("offline-gap 1")).toHaveCount(0);

  await scribeContext.setOffline(false);
  await expect(scribe.getByText("offline-gap 5")).toBeVisible();
  // Newest first on screen: 5, 4, 3, 2, 1, each exactly once.
  const texts = await timelineTexts(scribe);
  expect(texts.map((t) => t.match(/offline-gap \d/)?.[0])).toEqual(
    [5, 4, 3, 2, 1].map((n) => `offline-gap ${n}`),
  );
  const seqs = await scribe
    .getByTestId("timeline-entry")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(Math.min(...seqs)).toBe(1);
  expect(Math.max(...seqs)).toBe(seqs.length);
  await commanderContext.close();
  await scribeContext.close();
});

test("a scribe keeps writing offline; the outbox sends it on reconnect and survives a reload", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const scribe = await signedInPage(context, "scribe@warroom.test");
  await declare(scribe, `Outbox room ${Date.now()}`);
  await context.setOffline(true);
  await postNote(scribe, "typed while offline");
  const item = scribe.getByTestId("outbox-item").filter({ hasText: "typed while offline" });
  await expect(item).toHaveAttribute("data-state", "pending");
  await expect(item).toContainText("waiting to send");

  await context.setOffline(false);
  await expect(item).toHaveAttribute("data-state", "sent");
  await expect(
    scribe.getByTestId("timeline-entry").filter({ hasText: "typed while offline" }),
  ).toHaveCount(1);

  // Pending writes survive a reload: queue one offline, reload, come back online.
  await context.setOffline(true);
  await postNote(scribe, "queued before reload");
  await expect(
    scribe.getByTestId("outbox-item").filter({ hasText: "queued before reload" }),
  ).toHaveAttribute("data-state", "pending");
  await context.setOffline(false);
  await scribe.reload();
  await expect(
    scribe.getByTestId("timeline-entry").filter({ hasText: "queued before reload" }),
  ).toHaveCount(1);
  await context.close();
});

test("two people resolve at once: one wins, the other sees why and keeps the note", async ({
  browser,
}) => {
  const aContext = await browser.newContext();
  const bContext = await browser.newContext();
  const a = await signedInPage(aContext, "commander@warroom.test");
  await declare(a, `Race ${Date.now()}`);
  await a.getByRole("button", { name: "Start investigating" }).click();
  await a.getByRole("button", { name: "Mitigated" }).click();
  await expect(a.getByRole("button", { name: "Resolve" })).toBeVisible();
  // B must be allowed to resolve too: only the commander and admins move the status.
  const b = await openRoom(bContext, "admin@warroom.test", a.url());
  await expect(b.getByRole("button", { name: "Resolve" })).toBeVisible();

  // B's screen still offers "Resolve" when A resolves; B's click must not resolve twice.
  // B clicks "Resolve" at the same moment as A: B's request is held on the wire until A's lands.
  let releaseB!: () => void;
  const aDone = new Promise<void>((resolve) => (releaseB = resolve));
  await b.route("**/api/incidents/*/status", async (route) => {
    await aDone;
    await route.continue();
  });
  await b.getByLabel("Status change note").fill("Gateway fully recovered");
  await b.getByRole("button", { name: "Resolve" }).click();
  await a.getByRole("button", { name: "Resolve" }).click();
  await expect(a.getByRole("button", { name: "Close" })).toBeVisible();
  releaseB();
  await expect(
    b.getByRole("alert").filter({ hasText: /already resolved|changed the status/ }),
  ).toBeVisible();
  await expect(b.getByLabel("Status change note")).toHaveValue("Gateway fully recovered");
  await expect(b.getByRole("button", { name: "Close" })).toBeVisible();
  await aContext.close();
  await bContext.close();
});

test("a correction shows on the original entry, and the busy demo room renders every kind", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await signedInPage(context, "scribe@warroom.test");
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Payment gateway timeouts" }).click();
  await expect(page.getByRole("heading", { name: "Payment gateway timeouts" })).toBeVisible();
  await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
  expect(await page.getByTestId("timeline-entry").count()).toBeGreaterThanOrEqual(20);
  for (const kind of [
    "update",
    "decision",
    "action",
    "note",
    "status_change",
    "role_change",
    "severity_change",
  ]) {
    await expect(
      page.locator(`[data-testid=timeline-entry][data-kind=${kind}]`).first(),
    ).toBeVisible();
  }
  await expect(page.getByTestId("amendment").first()).toContainText("Correction: 2 retry attempts");
  await expect(page.getByTestId("decisions-panel")).toContainText("Enable deferred payments");
  await expect(page.getByTestId("actions-panel")).toContainText(
    "Open a priority ticket with Stripe support",
  );
  await expect(page.getByTestId("update-countdown")).toBeVisible();
  await screenshot(page, "screenshot-war-room.png");
  await page.goto("/incidents");
  await screenshot(page, "screenshot-incidents.png", false);
  await context.close();
});
