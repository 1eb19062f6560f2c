import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, signedInPage, signIn, test } from "./fixtures";

// What people may do is decided per incident role, shown in the UI with a reason, and enforced
// by the API; an admin can cut someone off mid-session.

async function demoRoomId(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get("/api/incidents")).json()) as {
    id: string;
    title: string;
  }[];
  return list.find((i) => i.title === "Payment gateway timeouts")!.id;
}

test("a viewer cannot flip a flag: the button is disabled with a reason, and the API says 403", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await signedInPage(context, "viewer@warroom.test");
  const id = await demoRoomId(context.request);
  await page.goto(`/incidents/${id}`);
  const panel = page.getByRole("region", { name: "Flags" });
  const flip = panel.getByRole("button", { name: "Flip payments.defer_mode" });
  await expect(flip).toBeDisabled();
  await expect(panel).toContainText(
    "Only the incident commander, the ops lead or admins can flip flags for this incident.",
  );
  await expect(flip).toHaveAttribute("title", /Only the incident commander/);
  await page.screenshot({ path: ".tmp/sec-shots/viewer-room.png", fullPage: true });

  const flag = (await (await context.request.get("/api/flags/payments.defer_mode")).json()) as {
    version: number;
    value: boolean;
  };
  const refused = await context.request.post("/api/flags/payments.defer_mode/flip", {
    data: {
      value: !flag.value,
      expectedVersion: flag.version,
      reason: "I am only a viewer",
      incidentId: id,
      endsWhen: "on_resolve",
    },
  });
  expect(refused.status()).toBe(403);
  const after = (await (await context.request.get("/api/flags/payments.defer_mode")).json()) as {
    version: number;
  };
  expect(after.version).toBe(flag.version);

  await page.goto("/flags");
  await expect(page.getByTestId("flip-reason")).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Flip payments.defer_mode" }).first(),
  ).toBeDisabled();
  await context.close();
});

test("the comms lead publishes to the status page but cannot change the severity", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await signedInPage(context, "comms@warroom.test");
  const id = await demoRoomId(context.request);
  await page.goto(`/incidents/${id}`);
  await expect(page.getByLabel("Severity")).toBeDisabled();
  await expect(page.getByTestId("command-reason")).toHaveText(
    "Only the incident commander or admins can change the status, severity and roles.",
  );
  const patch = await context.request.patch(`/api/incidents/${id}`, {
    data: { severity: "SEV3" },
  });
  expect(patch.status()).toBe(403);

  const panel = page.getByRole("region", { name: "Customer communication" });
  const message = `Card payments are delayed; nothing is lost ${randomUUID().slice(0, 6)}`;
  await panel.getByLabel("Message").fill(message);
  const publish = panel.getByRole("button", { name: /Publish to status page|Post public update/ });
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(
    page.locator('[data-kind="publication"]').filter({ hasText: message }),
  ).toBeVisible();
  await page.screenshot({ path: ".tmp/sec-shots/comms-room.png", fullPage: true });
  const status = await context.request.get("/status");
  expect(await status.text()).toContain(message);
  await context.close();
});

test("an admin disables a signed-in user: their open console is disconnected within 2 s", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await signedInPage(adminContext, "admin@warroom.test");
  const email = `leaver-${randomUUID().slice(0, 8)}@example.com`;
  const name = `Lee Leaver ${randomUUID().slice(0, 4)}`;
  const invited = await adminContext.request.post("/api/invites", {
    data: { email, name, role: "responder" },
  });
  expect(invited.status()).toBe(201);
  const { link } = (await invited.json()) as { link: string };

  // The invited person sets a first password through the invite page.
  const userContext = await browser.newContext();
  const invitePage = await userContext.newPage();
  await invitePage.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  const password = `first-${randomUUID()}`;
  await invitePage.getByLabel("Password", { exact: true }).fill(password);
  await invitePage.getByLabel("Confirm password").fill(password);
  await invitePage.screenshot({ path: ".tmp/sec-shots/invite.png" });
  await invitePage.getByRole("button", { name: "Set password" }).click();
  await expect(invitePage).toHaveURL(/\/signin/);
  await signIn(userContext, email, password);
  const userPage = await userContext.newPage();
  await userPage.goto("/incidents");
  await expect(userPage.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await admin.goto("/settings/users");
  const row = admin.getByTestId("user-row").filter({ hasText: email });
  await admin.screenshot({ path: ".tmp/sec-shots/users-admin.png", fullPage: true });
  await row.getByRole("button", { name: `Disable ${name}` }).click();
  const disabledAt = Date.now();
  await expect(userPage.getByRole("status").filter({ hasText: "Signed out" })).toBeVisible({
    timeout: 2_000,
  });
  expect(Date.now() - disabledAt).toBeLessThan(2_000);
  await expect(row).toContainText("Disabled");
  expect((await userContext.request.get("/api/incidents")).status()).toBe(401);
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/signin/);

  await admin.goto("/settings");
  await admin.screenshot({ path: ".tmp/sec-shots/settings.png", fullPage: true });
  await admin.goto(`/settings/audit?action=user.disable`);
  await expect(admin.getByTestId("audit-row").first()).toContainText("user.disable");
  await admin.screenshot({ path: ".tmp/sec-shots/audit.png", fullPage: true });
  await adminContext.close();
  await userContext.close();
});
