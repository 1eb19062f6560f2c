import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { logger } from "../logger";
import { buildFeeds, FEED_PATHS } from "./feeds";
import { CSS_PATH, renderStatusPage } from "./render-page";
import { STATUS_CSS } from "./status-css";
import { loadStatusData, type StatusData } from "./status-data";
import { statuspageDocuments } from "./statuspage-json";
import { safeJsonStringify } from "../http/safe-json";

// The public site as bytes in memory, rebuilt after each committed change and persisted to disk
// atomically, so it keeps serving (and says how old it is) when the database is down.

export type Artifact = { path: string; body: Buffer; etag: string; type: string };
export type Snapshot = {
  data: StatusData;
  generatedAt: string;
  isStale: boolean;
  artifacts: Map<string, Artifact>;
};
type Persisted = { version: 1; generatedAt: string; data: StatusData };

const state = ((globalThis as unknown as { warroomStatus?: StoreState }).warroomStatus ??= {});
type StoreState = {
  snapshot?: Snapshot;
  running?: Promise<void>;
  queued?: Promise<void>;
  writtenHash?: string;
};

export const HTML_PATH = "/status";
const TYPES = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const artifact = (p: string, text: string, type: string): Artifact => {
  const body = Buffer.from(text);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { path: p, body, etag, type };
};

export function buildArtifacts(
  data: StatusData,
  generatedAt: string,
  stale?: { now: number },
): Map<string, Artifact> {
  const out = new Map<string, Artifact>();
  const add = (a: Artifact) => out.set(a.path, a);
  const isEmailEnabled = Boolean(env().SMTP_URL);
  add(
    artifact(
      HTML_PATH,
      renderStatusPage(data, {
        isEmailEnabled,
        generatedAt,
        stale: stale ? { generatedAt, now: stale.now } : undefined,
      }),
      TYPES.html,
    ),
  );
  add(artifact(CSS_PATH, STATUS_CSS, TYPES.css));
  const feeds = buildFeeds(data);
  add(artifact(FEED_PATHS.rss, feeds.rss, TYPES.rss));
  add(artifact(FEED_PATHS.atom, feeds.atom, TYPES.atom));
  for (const [name, doc] of Object.entries(statuspageDocuments(data))) {
    add(artifact(`/api/v2/${name}`, safeJsonStringify(doc), TYPES.json));
  }
  return out;
}

export const snapshotFile = () => path.resolve(env().DATA_DIR, "status-snapshot.json");

function persist(snapshot: Snapshot): void {
  const text = JSON.stringify({
    version: 1,
    generatedAt: snapshot.generatedAt,
    data: snapshot.data,
  } satisfies Persisted);
  const hash = createHash("sha256").update(JSON.stringify(snapshot.data)).digest("hex");
  if (hash === state.writtenHash) return;
  const file = snapshotFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  state.writtenHash = hash;
}

/** Reads the last persisted snapshot (served as stale until a rebuild succeeds). */
export function loadSnapshotFromDisk(now = Date.now()): boolean {
  try {
    const parsed = JSON.parse(fs.readFileSync(snapshotFile(), "utf8")) as Persisted;
    if (parsed.version !== 1) return false;
    state.snapshot = {
      data: parsed.data,
      generatedAt: parsed.generatedAt,
      isStale: true,
      artifacts: buildArtifacts(parsed.data, parsed.generatedAt, { now }),
    };
    return true;
  } catch {
    return false;
  }
}

async function rebuild(): Promise<void> {
  const generatedAt = new Date().toISOString();
  try {
    const data = await loadStatusData(new Date(generatedAt));
    const snapshot = {
      data,
      generatedAt,
      isStale: false,
      artifacts: buildArtifacts(data, generatedAt),
    };
    state.snapshot = snapshot;
    try {
      persist(snapshot);
    } catch (error) {
      logger().warn({ err: error }, "status snapshot could not be written to disk");
    }
  } catch (error) {
    // Keep serving what we have, re-rendered to say how old it is.
    const last = state.snapshot;
    if (!last && !loadSnapshotFromDisk()) {
      logger().warn({ err: error }, "status snapshot unavailable: no database and no saved copy");
      return;
    }
    const current = state.snapshot!;
    if (!last || !current.isStale) logger().warn({ err: error }, "status snapshot is stale");
    state.snapshot = {
      ...current,
      isStale: true,
      artifacts: buildArtifacts(current.data, current.generatedAt, { now: Date.now() }),
    };
  }
}

/** Rebuilds from the database; concurrent calls coalesce into at most one more rebuild. */
export function refreshStatusSnapshot(): Promise<void> {
  if (state.queued) return state.queued;
  const run = () => {
    state.running = rebuild().finally(() => (state.running = undefined));
    return state.running;
  };
  if (state.running) {
    state.queued = state.running.then(() => {
      state.queued = undefined;
      return run();
    });
    return state.queued;
  }
  return run();
}

export function currentSnapshot(): Snapshot | undefined {
  return state.snapshot;
}

/** For tests: forget the in-memory snapshot. */
export function resetSnapshot(): void {
  state.snapshot = undefined;
  state.writtenHash = undefined;
}
