import { expect, signedInPage, test, screenshot } from "./fixtures";

// The comms lead publishes the protocol's "payment delays" message from the war room; a
// signed-out visitor with JavaScript disabled sees it on /status.

test("comms lead publishes a template from the war room; the public page shows it", async ({
  browser,
}) => {
  const comms = await browser.newContext();
  const page = await signedInPage(comms, "comms@warroom.test");
  const declared = await comms.request.post("/api/incidents", {
    data: {
      title: "Card payments failing at checkout",
      severity: "SEV2",
      dependencyCategory: "payment",
      dependencyName: "Adyen",
      components: ["Checkout", "Payment processing"],
    },
  });
  expect(declared.status()).toBe(201);
  const { id } = (await declared.json()) as { id: string };

  await page.goto(`/incidents/${id}`);
  const panel = page.getByRole("region", { name: "Customer communication" });
  await panel.getByLabel("Template").selectOption({ label: "Payment delays" });
  await expect(panel.getByLabel("{{dependency}}")).toHaveValue("Adyen");
  await expect(panel.getByLabel("{{components}}")).toHaveValue("Checkout and Payment processing");
  const publish = panel.getByRole("button", { name: "Publish to status page" });
  await expect(publish).toBeDisabled(); // {{workaround}} is still empty
  await panel.getByLabel("{{workaround}}").fill("PayPal & saved cards still work.");
  await expect(panel.getByTestId("preview-body")).toContainText("You won't be charged twice");
  await screenshot(page, "war-room-publish.png");
  await publish.click();

  await expect(page.locator('[data-kind="publication"]').first()).toContainText(
    "Delays processing payments",
  );
  await expect(panel.getByTestId("public-cadence")).toContainText("Next public update due");

  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const pub = await visitor.newPage();
  await pub.goto("/status");
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText(/Outage|Degraded/);
  await expect(pub.getByText("PayPal & saved cards still work.").first()).toBeVisible();
  await expect(pub.getByText(/Next update by/).first()).toBeVisible();
  await screenshot(pub, "screenshot-status.png");
  await pub.emulateMedia({ colorScheme: "dark" });
  await screenshot(pub, "status-dark.png");
  await screenshot(page, "war-room-after.png");
  await comms.close();
  await visitor.close();
});
