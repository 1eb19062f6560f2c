#!/usr/bin/env node
// The README pictures, from a running server with fresh demo data:
//   DATA_DIR=$(mktemp -d) PORT=3310 npm start   then   BASE=http://localhost:3310 node scripts/screenshots.mjs
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium.mjs";
const base = process.env.BASE ?? "http://localhost:3310";
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const ctx = await browser.newContext({ viewport: { width: 1440, height: 960 }, baseURL: base });
const { csrfToken } = await (await ctx.request.get("/api/auth/csrf")).json();
await ctx.request.post("/api/auth/callback/credentials", {
  form: { csrfToken, email: "commander@warroom.test", password: "warroom-demo-7431", json: "true" },
});
const page = await ctx.newPage();
await page.goto("/incidents");
await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
await page.screenshot({ path: "docs/screenshot-incidents.png" });
await page.getByRole("link", { name: "Payment gateway timeouts" }).click();
await page.getByTestId("timeline-entry").first().waitFor();
await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: "docs/screenshot-war-room.png", fullPage: true });
const pub = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await pub.goto(`${base}/status`);
await pub.screenshot({ path: "docs/screenshot-status.png", fullPage: true });
await browser.close();
