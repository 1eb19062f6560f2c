// Migrations directory and schema file, read for the wasm schema engine exactly like the Prisma
// CLI does. Part of engine.mjs (its public surface); types in engine.d.mts.

import fs from "node:fs/promises";
import path from "node:path";

/**
 * Reads a migrations directory into the engine's MigrationList shape.
 * @param {string} migrationsDir
 * @param {string} [shadowDbInitScript]
 */
export async function readMigrationsList(migrationsDir, shadowDbInitScript = "") {
  const baseDir = path.resolve(migrationsDir);
  const lockfilePath = "migration_lock.toml";
  const lockContent = await fs.readFile(path.join(baseDir, lockfilePath), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await fs
      .readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((error) => ({ tag: "error", value: error.message }));
    migrationDirectories.push({
      path: entry.name,
      migrationFile: { path: "migration.sql", content },
    });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockContent },
    migrationDirectories,
    shadowDbInitScript,
  };
}

/** The schema file as the engine's datamodels ([path, content]); undefined when unreadable. */
export async function readDatamodels(schemaPath) {
  if (!schemaPath) return undefined;
  const content = await fs.readFile(schemaPath, "utf8").catch(() => undefined);
  return content === undefined ? undefined : [[path.resolve(schemaPath), content]];
}
