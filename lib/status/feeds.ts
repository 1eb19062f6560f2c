import { Feed } from "feed";
import type { StatusData } from "./status-data";
import { STATUS_LABELS } from "./schemas";

// RSS 2.0 and Atom 1.0 of public incidents and their updates, newest first. `feed` escapes text.

export const FEED_PATHS = { rss: "/status/feed.rss", atom: "/status/feed.atom" } as const;

export function buildFeeds(data: StatusData): { rss: string; atom: string } {
  const base = data.page.url;
  const feed = new Feed({
    title: `${data.page.name} status`,
    description: `Incidents and maintenance for ${data.page.name}`,
    id: `${base}/status`,
    link: `${base}/status`,
    language: "en",
    updated: new Date(data.page.updatedAt),
    generator: "Warroom",
    copyright: `${data.page.name}`,
    feedLinks: { rss: `${base}${FEED_PATHS.rss}`, atom: `${base}${FEED_PATHS.atom}` },
    author: { name: `${data.page.name} status`, link: `${base}/status` },
  });
  const items = [...data.incidents, ...data.maintenances].flatMap((incident) =>
    incident.updates.map((u) => ({ incident, u })),
  );
  items.sort((a, b) => b.u.createdAt.localeCompare(a.u.createdAt));
  for (const { incident, u } of items.slice(0, 100)) {
    const label = STATUS_LABELS[u.status] ?? u.status;
    feed.addItem({
      // Atom marks titles type="html" and many RSS readers render titles as HTML: escape them.
      title: escapeHtml(`${incident.name} — ${label}`),
      id: `urn:uuid:${u.id}`,
      guid: `urn:uuid:${u.id}`,
      link: `${base}/status#incident-${incident.id}`,
      description: escapeHtml(`${label}: ${u.body}`),
      content: `<p><strong>${escapeHtml(label)}</strong> — ${escapeHtml(u.body)}</p>`,
      date: new Date(u.createdAt),
      published: new Date(u.createdAt),
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1() };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
