import { expect, signedInPage, test, screenshot } from "./fixtures";

test("the ops lead flips payments.defer_mode from the war room; others see it live with a countdown", async ({
  browser,
}) => {
  const commanderContext = await browser.newContext();
  const opsContext = await browser.newContext();
  const commander = await signedInPage(commanderContext, "commander@warroom.test");
  await commander.goto("/incidents");
  await commander.getByRole("link", { name: "Payment gateway timeouts" }).click();
  await expect(commander.getByRole("heading", { name: "Payment gateway timeouts" })).toBeVisible();
  await expect(commander.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const ops = await signedInPage(opsContext, "ops@warroom.test");
  await ops.goto(commander.url());
  const panel = ops.getByRole("region", { name: "Flags" });
  const row = panel.getByTestId("room-flag").filter({ hasText: "payments.defer_mode" });
  await expect(row.getByTestId("flag-value")).toContainText("false");
  await row.getByRole("button", { name: "Flip payments.defer_mode" }).click();
  const form = ops.getByRole("form", { name: "Flip payments.defer_mode" });
  await expect(form.getByLabel("Reason")).toHaveValue(/INC-\d+ Payment gateway timeouts/);
  await form.getByLabel("Reason").fill("Stripe is timing out: queue payments for later capture");
  await form.getByLabel("Ends").selectOption({ label: "In 10 minutes" });
  await screenshot(ops, "flags-war-room-form.png");
  await form.getByRole("button", { name: "Flip" }).click();
  await expect(row.getByTestId("flag-value")).toContainText("true");
  await expect(panel.getByText("1 relaxation still active")).toBeVisible();

  // The commander's room gets the timeline entry without a reload.
  const entry = commander
    .getByTestId("flag-change-entry")
    .filter({ hasText: "payments.defer_mode" });
  await expect(entry).toContainText("false → true");
  await expect(entry).toContainText("queue payments for later capture");
  await screenshot(commander, "flags-war-room.png");

  await commander.goto("/flags");
  const card = commander
    .getByRole("region", { name: /Active relaxations/ })
    .getByTestId("flag-card")
    .filter({ hasText: "payments.defer_mode" });
  await expect(card.getByTestId("countdown")).toHaveText(/^(10:00|9:[0-5]\d)$/);
  await expect(card).toContainText("Relaxed by Olive Ops for INC-");
  await screenshot(commander, "flags-page.png");
  await commanderContext.close();
  await opsContext.close();
});
