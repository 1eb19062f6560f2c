import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded default: PGlite (PostgreSQL in WebAssembly) owned by this process and exposed on a
// private Unix socket, so the app talks to it through the same @prisma/adapter-pg as to a server.
// PGlite cannot detect a second opener of its directory, so we hold our own lock file.

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

type LockInfo = { pid: number; url: string; startedAt: string };

export class EmbeddedLockError extends Error {
  constructor(
    message: string,
    readonly holder: LockInfo,
  ) {
    super(message);
    this.name = "EmbeddedLockError";
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, "warroom.lock");
}

// Locks held by this very process (a pid alone can be reused after a restart).
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process holding the embedded database of dataDir, if it is still running. */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
    const isLive =
      info.pid === process.pid ? heldHere.has(path.resolve(dataDir)) : isAlive(info.pid);
    return isLive ? info : undefined;
  } catch {
    return undefined;
  }
}

function takeLock(dataDir: string, info: LockInfo): void {
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      heldHere.add(dataDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLiveLock(dataDir);
      if (holder) {
        throw new EmbeddedLockError(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} (started ${holder.startedAt}). ` +
            `Stop that process, use another DATA_DIR, or set DATABASE_URL.`,
          holder,
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner died without cleaning up
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  maxConnections: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp directory.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-pg-"));
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
  takeLock(dataDir, { pid: process.pid, url, startedAt: new Date().toISOString() });

  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  const release = () => {
    heldHere.delete(dataDir);
    fs.rmSync(lockPath(dataDir), { force: true });
    fs.rmSync(socketDir, { recursive: true, force: true });
  };
  try {
    db = await PGlite.create(path.join(dataDir, "pglite"));
    server = new PGLiteSocketServer({
      db,
      path: path.join(socketDir, ".s.PGSQL.5432"),
      maxConnections: options.maxConnections,
    });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    throw error;
  }

  let stopped = false;
  return {
    url,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server?.stop().catch(() => undefined);
      await db?.close().catch(() => undefined);
      release();
    },
  };
}
