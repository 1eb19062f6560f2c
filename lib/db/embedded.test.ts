import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockPath, startEmbeddedDatabase } from "./embedded";

describe("startEmbeddedDatabase", () => {
  it("refuses a second opener of the same directory, then takes over a stale lock", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-lock-"));
    const first = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 2 });
    await expect(startEmbeddedDatabase({ dataDir: dir, maxConnections: 2 })).rejects.toThrow(
      /is in use by process \d+/,
    );
    await first.stop();
    expect(fs.existsSync(lockPath(dir))).toBe(false);

    // A lock left by a process that died (kill -9) does not block the next start.
    fs.writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: 2 ** 22 + 7, url: "x", startedAt: "then" }),
    );
    const second = await startEmbeddedDatabase({ dataDir: dir, maxConnections: 2 });
    await second.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
