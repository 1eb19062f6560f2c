import { createHash } from "node:crypto";
import { db } from "../db";
import { sameValue } from "./to-dto";

// What OFREP serves: every flag's evaluation, pre-serialised, rebuilt after each committed change
// and on a short timer (for changes made by other instances). When the database is unreachable
// the last snapshot keeps being served. Kept on globalThis: route handlers are another bundle.

export const EVENTS_PATH = "/ofrep/v1/events";

export type FlagSnapshot = {
  single: Map<string, Buffer>;
  bulk: Buffer;
  etag: string;
  builtAt: number;
  count: number;
};

type State = {
  snapshot?: FlagSnapshot;
  listeners: Set<(s: FlagSnapshot) => void>;
  timer?: NodeJS.Timeout;
};
const state = ((globalThis as unknown as { warroomFlags?: State }).warroomFlags ??= {
  listeners: new Set(),
});

export function flagSnapshot(): FlagSnapshot | undefined {
  return state.snapshot;
}

/** Called with each new snapshot whose content differs from the previous one. */
export function onFlagSnapshot(listener: (s: FlagSnapshot) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

type Row = {
  key: string;
  kind: string;
  value: unknown;
  defaultValue: unknown;
  version: number;
  archivedAt: Date | null;
  expiresAt: Date | null;
};

function evaluation(f: Row) {
  const isArchived = f.archivedAt !== null;
  const isRelaxed = !isArchived && !sameValue(f.value, f.defaultValue);
  const metadata: Record<string, string | number | boolean> = {
    kind: f.kind,
    version: f.version,
    relaxed: isRelaxed,
  };
  if (isRelaxed && f.expiresAt) metadata.relaxedUntil = f.expiresAt.toISOString();
  return {
    key: f.key,
    value: isArchived ? f.defaultValue : f.value,
    reason: isArchived ? "DISABLED" : "STATIC",
    variant: isRelaxed ? "relaxed" : "default",
    metadata,
  };
}

export function buildSnapshot(rows: Row[]): FlagSnapshot {
  const evaluations = rows.map(evaluation);
  const single = new Map(evaluations.map((e) => [e.key, Buffer.from(JSON.stringify(e))]));
  const bulk = Buffer.from(
    JSON.stringify({
      flags: evaluations,
      eventStreams: [{ type: "sse", endpoint: { requestUri: EVENTS_PATH } }],
    }),
  );
  const etag = `"${createHash("sha256").update(bulk).digest("base64url").slice(0, 27)}"`;
  return { single, bulk, etag, builtAt: Date.now(), count: rows.length };
}

/** Reads every flag (archived ones serve their default as DISABLED) and swaps the snapshot in. */
export async function rebuildFlagSnapshot(): Promise<FlagSnapshot> {
  const flags = await db().flag.findMany({
    orderBy: { key: "asc" },
    include: {
      changes: {
        where: { revertedAt: null, endsWhen: "at_time" },
        select: { expiresAt: true },
        take: 1,
      },
    },
  });
  const next = buildSnapshot(
    flags.map((f) => ({ ...f, expiresAt: f.changes[0]?.expiresAt ?? null })),
  );
  const previous = state.snapshot;
  state.snapshot = next;
  if (previous?.etag !== next.etag) state.listeners.forEach((l) => l(next));
  return next;
}

/** Keeps the snapshot in step with changes made by other instances; failures keep the last one. */
export function startSnapshotRefresh(everyMs = 3_000, also: () => Promise<void> = async () => {}) {
  if (state.timer) return;
  state.timer = setInterval(() => {
    void rebuildFlagSnapshot()
      .then(also)
      .catch(() => undefined);
  }, everyMs);
  state.timer.unref();
}
