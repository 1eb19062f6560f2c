"use client";

import { get, set } from "idb-keyval";

// The console's outbox: writes are stored in IndexedDB first (they survive a reload), then sent
// in order with their Idempotency-Key until the server answers. A retry can never duplicate.

export type OutboxState = "pending" | "sending" | "sent" | "failed";

export type OutboxItem = {
  key: string;
  incidentId: string;
  url: string;
  method: "POST" | "PATCH";
  body: unknown;
  label: string;
  createdAt: number;
  state: OutboxState;
  error?: string;
  seq?: number;
};

const STORE_KEY = "warroom-outbox";
const SENT_VISIBLE_MS = 8_000;
const RETRY_MS = 3_000;

let items: OutboxItem[] = [];
let isLoaded = false;
let isFlushing = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit() {
  listeners.forEach((l) => l());
}

async function persist() {
  await set(
    STORE_KEY,
    items.filter((i) => i.state !== "sent"),
  );
}

function patch(key: string, change: Partial<OutboxItem>) {
  items = items.map((i) => (i.key === key ? { ...i, ...change } : i));
  emit();
}

export async function loadOutbox(): Promise<void> {
  if (isLoaded) return;
  isLoaded = true;
  const stored = ((await get(STORE_KEY)) as OutboxItem[] | undefined) ?? [];
  // A reload mid-send leaves "sending": its key makes resending safe.
  items = [
    ...stored.map((i) => (i.state === "sending" ? { ...i, state: "pending" as const } : i)),
    ...items,
  ];
  emit();
  void flushOutbox();
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxSnapshot(): OutboxItem[] {
  return items;
}

export async function enqueue(
  item: Omit<OutboxItem, "key" | "createdAt" | "state">,
): Promise<void> {
  items = [
    ...items,
    { ...item, key: crypto.randomUUID(), createdAt: Date.now(), state: "pending" },
  ];
  emit();
  await persist();
  void flushOutbox();
}

export async function discard(key: string): Promise<void> {
  items = items.filter((i) => i.key !== key);
  emit();
  await persist();
}

export async function retry(key: string): Promise<void> {
  patch(key, { state: "pending", error: undefined });
  await persist();
  void flushOutbox();
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushOutbox(), RETRY_MS);
}

type Outcome = "sent" | "failed" | "retry";

async function send(item: OutboxItem): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(item.url, {
      method: item.method,
      headers: { "content-type": "application/json", "idempotency-key": item.key },
      body: JSON.stringify(item.body),
    });
  } catch {
    return "retry"; // offline or the server is down: keep it, try again
  }
  const body = (await response.json().catch(() => ({}))) as { seq?: number; detail?: string };
  if (response.ok) {
    patch(item.key, { state: "sent", seq: body.seq, error: undefined });
    return "sent";
  }
  if (response.status === 409 || response.status === 429 || response.status >= 500) return "retry";
  patch(item.key, { state: "failed", error: body.detail ?? `Refused (${response.status})` });
  return "failed";
}

/** Sends pending items oldest first; stops at the first that must wait, to keep their order. */
export async function flushOutbox(): Promise<void> {
  if (isFlushing || typeof window === "undefined") return;
  isFlushing = true;
  try {
    for (const item of items.filter((i) => i.state === "pending")) {
      patch(item.key, { state: "sending" });
      const outcome = await send(item);
      if (outcome === "retry") {
        patch(item.key, { state: "pending" });
        scheduleRetry();
        break;
      }
      await persist();
      if (outcome === "sent") {
        setTimeout(() => {
          items = items.filter((i) => i.key !== item.key);
          emit();
        }, SENT_VISIBLE_MS);
      }
    }
  } finally {
    isFlushing = false;
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => void flushOutbox());
}
