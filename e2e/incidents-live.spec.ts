import { expect, signedInPage, test } from "./fixtures";

test("the commander sees the seeded incident and a new one appears live", async ({ browser }) => {
  const commanderContext = await browser.newContext();
  const opsContext = await browser.newContext();
  const commander = await signedInPage(commanderContext, "commander@warroom.test");
  await commander.goto("/incidents");
  await expect(commander.getByRole("link", { name: "Payment gateway timeouts" })).toBeVisible();
  await expect(commander.getByTestId("current-user")).toContainText("Casey Commander");
  await expect(commander.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const ops = await signedInPage(opsContext, "ops@warroom.test");
  await ops.goto("/incidents");
  await ops.getByRole("button", { name: "Declare incident" }).click();
  const title = `Identity provider errors ${Date.now()}`;
  const form = ops.getByRole("form", { name: "Declare incident" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Severity").selectOption("SEV2");
  await expect(form.getByText("Major: a core flow degraded")).toBeVisible();
  await form.getByLabel("Failing dependency").selectOption("auth");
  await form.getByLabel("Name").fill("Okta");
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(ops.getByRole("heading", { name: title })).toBeVisible();

  // No reload on the commander's screen: the socket brings it.
  await expect(commander.getByRole("link", { name: title })).toBeVisible();
  await commanderContext.close();
  await opsContext.close();
});

test("the war room shows the timeline and who is in the room", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await signedInPage(context, "scribe@warroom.test");
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Payment gateway timeouts" }).click();
  await expect(page.getByRole("heading", { name: "Payment gateway timeouts" })).toBeVisible();
  await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
  await expect(page.getByText("Enable deferred payments").first()).toBeVisible();
  await expect(page.getByTestId("presence")).toContainText("Sam Scribe");
  await context.close();
});

test("signing in through the form, a wrong password is refused, and sign-out ends the session", async ({
  page,
}) => {
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill("viewer@warroom.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Password").fill("warroom-demo-7431");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Declare incident" })).toBeDisabled();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin/);
});

test("the public status page needs no sign-in and works without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/status");
  await expect(page.getByText("Partial System Outage")).toBeVisible();
  await expect(page.getByText("Partial outage").first()).toBeVisible();
  await expect(
    page
      .getByText("Payment gateway timeouts")
      .or(page.getByText("Delays processing payments"))
      .first(),
  ).toBeVisible();
  await context.close();
});
