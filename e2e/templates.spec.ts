import { expect, signedInPage, test, screenshot } from "./fixtures";

// An admin writes a new customer message in the console; the comms lead finds it in the war
// room's template picker. Archiving takes it out of the picker again.

test("admin creates a message template; the comms lead picks it in the war room", async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const name = `Refund delays ${suffix}`;
  const key = `refund_delays_${suffix}`;

  const adminContext = await browser.newContext();
  const admin = await signedInPage(adminContext, "admin@warroom.test");
  await admin.goto("/status-admin");
  const section = admin.getByRole("region", { name: "Message templates" });
  await expect(section.getByText("Payment delays", { exact: true })).toBeVisible();

  const form = section.getByRole("form", { name: "New template" });
  await form.getByLabel("Name").fill(name);
  await expect(form.getByLabel("Key")).toHaveValue(key);
  await form.getByLabel("Title").fill("Refunds delayed for {{components}}");
  await form.getByLabel("Body").fill("Refunds are slow {{{x}}}");
  await expect(form.getByText(/Unescaped output/)).toBeVisible();
  await form
    .getByLabel("Body")
    .fill(
      "Since {{started_at}}, refunds through {{dependency}} take longer. " +
        "{{#workaround}}{{workaround}} {{/workaround}}Next update by {{next_update_at}}.",
    );
  await form.getByLabel("Status").selectOption("identified");
  await form.getByLabel("Impact").selectOption("minor");
  await expect(form.getByTestId("preview-title")).toHaveText(
    "Refunds delayed for Checkout and Payment processing",
  );
  await expect(form.getByTestId("preview-body")).toContainText("refunds through Adyen");

  // A taken key comes back from the API as a field error next to the key.
  await form.getByLabel("Key").fill("payment-delays");
  await form.getByRole("button", { name: "Create template" }).click();
  await expect(form.getByRole("alert")).toContainText("already exists");
  await form.getByLabel("Key").fill(key);
  await form.getByRole("button", { name: "Create template" }).click();

  const row = section.locator(`li[data-key="${key}"]`);
  await expect(row).toContainText(name);
  await expect(row.getByLabel(`Variables of ${name}`)).toHaveText(
    "{{components}}{{started_at}}{{dependency}}{{workaround}}{{next_update_at}}",
  );
  await expect(form.getByLabel("Name")).toHaveValue("");
  await section.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(section.getByRole("form", { name: `Edit template ${name}` })).toBeVisible();
  await screenshot(admin, "templates-admin.png");
  await section.screenshot({ path: ".tmp/screenshots/templates-admin-section.png" });
  await section.getByRole("button", { name: "Cancel" }).click();

  const commsContext = await browser.newContext();
  const comms = await signedInPage(commsContext, "comms@warroom.test");
  const declared = await commsContext.request.post("/api/incidents", {
    data: { title: "Refunds stuck", severity: "SEV3", dependencyName: "Adyen" },
  });
  expect(declared.status()).toBe(201);
  const { id } = (await declared.json()) as { id: string };
  await comms.goto(`/incidents/${id}`);
  const panel = comms.getByRole("region", { name: "Customer communication" });
  await panel.getByLabel("Template").selectOption({ label: name });
  await expect(panel.getByLabel("{{dependency}}")).toBeVisible();
  await expect(panel.getByTestId("preview-title")).toContainText("Refunds delayed for");

  // Archived: gone from the console list and, after a reload, from the picker.
  admin.once("dialog", (dialog) => void dialog.accept());
  await section.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(row).toHaveCount(0);
  await comms.reload();
  await expect(panel.getByLabel("Template").locator("option", { hasText: name })).toHaveCount(0);
  await expect(
    panel.getByLabel("Template").locator("option", { hasText: "Payment delays" }),
  ).toHaveCount(1);

  await adminContext.close();
  await commsContext.close();
});

test("a viewer sees the templates but no editor", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await signedInPage(context, "viewer@warroom.test");
  await page.goto("/status-admin");
  const section = page.getByRole("region", { name: "Message templates" });
  await expect(section.getByText("Payment delays", { exact: true })).toBeVisible();
  await expect(section.getByRole("form")).toHaveCount(0);
  await expect(section.getByRole("button", { name: /Archive|Edit/ })).toHaveCount(0);
  await context.close();
});
