// npm run status:export -- <dir>: writes the whole public site (HTML, CSS, JSON, feeds) as static
// files for a CDN or object storage. Reads the database when DATABASE_URL answers, otherwise the
// last snapshot saved under DATA_DIR.
import fs from "node:fs";
import path from "node:path";
import { configureDatabase, disconnectDatabase } from "../lib/db";
import { env } from "../lib/env";
import { buildArtifacts, loadSnapshotFromDisk, currentSnapshot } from "../lib/status/snapshot";
import { loadStatusData } from "../lib/status/status-data";

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: npm run status:export -- <dir>");
  const url = env().DATABASE_URL;
  let artifacts;
  if (url) {
    configureDatabase(url, "postgresql");
    try {
      const generatedAt = new Date().toISOString();
      artifacts = buildArtifacts(await loadStatusData(), generatedAt);
    } catch (error) {
      process.stderr.write(`database not reachable (${String(error)}); using the saved snapshot\n`);
    } finally {
      await disconnectDatabase();
    }
  }
  if (!artifacts) {
    if (!loadSnapshotFromDisk())
      throw new Error(`no database and no snapshot in ${env().DATA_DIR}`);
    artifacts = currentSnapshot()!.artifacts;
  }
  for (const a of artifacts.values()) {
    const file = a.path === "/status" ? "status/index.html" : a.path.replace(/^\//, "");
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, a.body);
  }
  fs.writeFileSync(
    path.join(dir, "index.html"),
    '<!doctype html><meta http-equiv="refresh" content="0; url=/status/"><a href="/status/">Status</a>\n',
  );
  process.stdout.write(`wrote ${artifacts.size + 1} files to ${dir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `status:export: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
