import { expect, screenshot, signedInPage, test } from "./fixtures";

// The postmortem draft of the busy demo room: reached from the war room, downloadable as Markdown.

test("the commander opens the postmortem draft from the war room and downloads it as Markdown", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await signedInPage(context, "commander@warroom.test");
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Payment gateway timeouts" }).click();
  await expect(page.getByRole("heading", { name: "Payment gateway timeouts" })).toBeVisible();

  await page.getByRole("link", { name: /^Postmortem/ }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]+\/postmortem$/);
  await expect(page.getByRole("heading", { name: "Payment gateway timeouts" })).toBeVisible();
  await expect(page.getByTestId("pm-decisions")).toContainText("Enable deferred payments");
  await expect(page.getByTestId("pm-timeline-row").first()).toBeVisible();
  expect(await page.getByTestId("pm-timeline-row").count()).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole("link", { name: "Back to the war room" })).toBeVisible();
  await screenshot(page, "postmortem.png");

  const href = await page.getByRole("link", { name: "Download Markdown" }).getAttribute("href");
  expect(href).toMatch(/\/postmortem\?format=markdown$/);
  const response = await context.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="INC-\d+-postmortem\.md"$/,
  );
  const markdown = await response.text();
  expect(markdown).toContain("# Postmortem draft: INC-");
  expect(markdown).toContain("Enable deferred payments");
  await context.close();
});
