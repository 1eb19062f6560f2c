// Finds a Chromium for Playwright without downloading one: an env override, then Playwright's own
// browser if present, then Debian's /usr/bin/chromium, installing it with apt when missing and possible.
import fs from "node:fs";
import { spawnSync } from "node:child_process";

const DEBIAN = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

async function playwrightOwn() {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return fs.existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium({ install = true } = {}) {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  const found = (await playwrightOwn()) ?? DEBIAN.find((p) => fs.existsSync(p));
  if (found) return found;
  if (install && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found: installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const installed = DEBIAN.find((p) => fs.existsSync(p));
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await findChromium());
}
