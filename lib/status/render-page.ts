import { createHash } from "node:crypto";
import { FEED_PATHS } from "./feeds";
import { formatAge, formatDay, html, time, type SafeHtml } from "./html";
import { COMPONENT_STATUS_LABELS, STATUS_LABELS } from "./schemas";
import { STATUS_CSS } from "./status-css";
import type { SnapComponent, SnapIncident, StatusData } from "./status-data";
import { isActiveMaintenance, isUpcomingMaintenance, overallStatus } from "./statuspage-json";

// The public page as one HTML document rendered from the snapshot data: no JavaScript, no
// framework, every user-written value escaped by the `html` tag.

export const CSS_PATH = `/status/status.css`;
export const CSS_VERSION = createHash("sha256").update(STATUS_CSS).digest("hex").slice(0, 10);
const HISTORY_DAYS = 7;

export type RenderOptions = {
  isEmailEnabled: boolean;
  /** When the data was read: fixes which days the history shows. */
  generatedAt: string;
  /** Set when serving a snapshot the server could not refresh: says how old it is. */
  stale?: { generatedAt: string; now: number };
};

const statusLabel = (s: string) => STATUS_LABELS[s] ?? s;

function updatesList(incident: SnapIncident): SafeHtml {
  return html`<ol class="updates">
    ${incident.updates.map(
      (u) =>
        html`<li>
          <p><span class="st">${statusLabel(u.status)}</span> — ${u.body}</p>
          <span class="when">${time(u.createdAt)}</span>
        </li>`,
    )}
  </ol>`;
}

function incidentCard(incident: SnapIncident, data: StatusData): SafeHtml {
  const names = new Map(data.components.map((c) => [c.id, c.name]));
  const affects = incident.componentIds.map((id) => names.get(id)).filter(Boolean);
  const impact = incident.kind === "maintenance" ? "maintenance" : incident.impact;
  const window =
    incident.scheduledFor && incident.scheduledUntil
      ? html`<p class="meta">
          Scheduled ${time(incident.scheduledFor)} – ${time(incident.scheduledUntil)}
        </p>`
      : html`<p class="meta">Started ${time(incident.startedAt)}</p>`;
  return html`<article class="card incident imp-${impact}" id="incident-${incident.id}">
    <h3>${incident.name}</h3>
    ${window}
    ${
      incident.nextUpdateBy && incident.kind === "incident"
        ? html`<p class="next">Next update by ${time(incident.nextUpdateBy)}</p>`
        : null
    }
    ${updatesList(incident)}
    ${affects.length ? html`<p class="affects">Affects: ${affects.join(", ")}</p>` : null}
  </article>`;
}

function uptimeBars(c: SnapComponent): SafeHtml {
  const pct = c.uptime === null ? "no data" : `${(c.uptime * 100).toFixed(2)} % uptime`;
  return html`<div class="bars" role="img" aria-label="${c.name}: ${pct} over the past 90 days">
      ${c.days.map((d) => {
        const what = d.worst
          ? d.worst === "operational"
            ? "No downtime recorded"
            : `${COMPONENT_STATUS_LABELS[d.worst]}${d.downMinutes ? ` (${d.downMinutes} min of downtime)` : ""}`
          : "No data";
        return html`<span
          class="bar b-${d.worst ?? "none"}"
          title="${formatDay(d.date)}: ${what}"
        ></span>`;
      })}
    </div>
    <div class="bar-legend" aria-hidden="true">
      <span>90 days ago</span><span class="rule"></span><span>${pct}</span><span class="rule"></span
      ><span>Today</span>
    </div>`;
}

function componentRow(c: SnapComponent): SafeHtml {
  return html`<div class="comp">
    <div class="comp-head">
      <span class="comp-name"
        >${c.name}${c.description ? html`<span class="comp-desc">${c.description}</span>` : null}</span
      >
      <span class="state s-${c.status}">${COMPONENT_STATUS_LABELS[c.status]}</span>
    </div>
    ${uptimeBars(c)}
  </div>`;
}

function componentsSection(data: StatusData): SafeHtml {
  const visible = data.components.filter(
    (c) => !c.showOnlyWhenDegraded || c.status !== "operational",
  );
  const groups = new Map<string, SnapComponent[]>();
  for (const c of visible) groups.set(c.group ?? "", [...(groups.get(c.group ?? "") ?? []), c]);
  return html`<section aria-labelledby="components-h">
    <h2 class="section" id="components-h">Components</h2>
    <div class="card components">
      ${[...groups].map(
        ([group, members]) =>
          html`${group ? html`<h3 class="group">${group}</h3>` : null}${members.map(componentRow)}`,
      )}
      ${visible.length ? null : html`<p class="hint">No components are listed yet.</p>`}
    </div>
  </section>`;
}

function historySection(data: StatusData, today: number): SafeHtml {
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) =>
    new Date(today - i * 86_400_000).toISOString().slice(0, 10),
  );
  const past = data.incidents.filter((i) => i.status === "resolved" || i.status === "postmortem");
  return html`<section aria-labelledby="history-h">
    <h2 class="section" id="history-h">Past incidents</h2>
    <div class="card history">
      ${days.map((day) => {
        const onDay = past.filter((i) => i.startedAt.slice(0, 10) === day);
        return html`<div class="day">
          <h3>${formatDay(day)}</h3>
          ${
            onDay.length
              ? onDay.map(
                  (i) =>
                    html`<div class="past" id="incident-${i.id}">
                      <strong>${i.name}</strong>${updatesList(i)}
                    </div>`,
                )
              : html`<p class="none">No incidents reported.</p>`
          }
        </div>`;
      })}
    </div>
  </section>`;
}

function subscribeSection(data: StatusData, options: RenderOptions): SafeHtml {
  const choices = data.components.map((c) => html`<option value="${c.id}">${c.name}</option>`);
  const withId = (id: string) =>
    html`<div>
      <label for="sub-components-${id}">Components (none selected: all)</label>
      <select id="sub-components-${id}" name="componentIds" multiple size="3">
        ${choices}
      </select>
    </div>`;
  return html`<section aria-labelledby="subscribe-h" id="subscribe">
    <h2 class="section" id="subscribe-h">Subscribe to updates</h2>
    <div class="card subscribe">
      ${
        options.isEmailEnabled
          ? html`<form method="post" action="/status/subscribe">
              <input type="hidden" name="channel" value="email" />
              <div class="row">
                <div>
                  <label for="sub-email">Email address</label>
                  <input id="sub-email" name="email" type="email" required autocomplete="email" />
                </div>
                ${withId("email")}
              </div>
              <p class="hint">
                We send a confirmation link first; every message has an unsubscribe link.
              </p>
              <div><button class="btn btn-primary" type="submit">Subscribe by email</button></div>
            </form>`
          : null
      }
      <form method="post" action="/status/subscribe">
        <input type="hidden" name="channel" value="webhook" />
        <div class="row">
          <div>
            <label for="sub-webhook">Webhook URL</label>
            <input id="sub-webhook" name="webhookUrl" type="url" required placeholder="https://" />
          </div>
          ${withId("webhook")}
        </div>
        <p class="hint">Signed per Standard Webhooks; the signing secret is shown once.</p>
        <div><button class="btn" type="submit">Subscribe by webhook</button></div>
      </form>
      <p class="hint">
        Or follow the <a href="${FEED_PATHS.rss}">RSS</a> or
        <a href="${FEED_PATHS.atom}">Atom</a> feed.
      </p>
    </div>
  </section>`;
}

export function renderStatusPage(data: StatusData, options: RenderOptions): string {
  const status = overallStatus(data);
  const isMaint = status.indicator === "none" && status.description.includes("Maintenance");
  const open = data.incidents.filter((i) => i.status !== "resolved" && i.status !== "postmortem");
  const active = data.maintenances.filter(isActiveMaintenance);
  const upcoming = data.maintenances.filter(isUpcomingMaintenance).reverse();
  const ageMs = options.stale ? options.stale.now - Date.parse(options.stale.generatedAt) : 0;
  const today = Date.parse(options.generatedAt);
  const title = `${data.page.name} status`;
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${title}</title>
        <meta
          name="description"
          content="Live status, incidents and maintenance for ${data.page.name}."
        />
        <link rel="stylesheet" href="${CSS_PATH}?v=${CSS_VERSION}" />
        <link
          rel="alternate"
          type="application/rss+xml"
          title="${title} (RSS)"
          href="${FEED_PATHS.rss}"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="${title} (Atom)"
          href="${FEED_PATHS.atom}"
        />
        <link
          rel="alternate"
          type="application/json"
          title="${title} (JSON)"
          href="/api/v2/summary.json"
        />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <div class="wrap">
            <a class="brand" href="/status">${data.page.name}<small>Status</small></a>
            <a class="btn" href="#subscribe">Subscribe to updates</a>
          </div>
        </header>
        <main id="main" class="wrap">
          ${
            options.stale
              ? html`<p class="notice" role="note">
                  Live updates are temporarily unavailable. This page shows the status as of
                  ${time(options.stale.generatedAt, true)} (${formatAge(ageMs)} ago).
                </p>`
              : null
          }
          <section class="banner ind-${isMaint ? "maintenance" : status.indicator}" role="status">
            <span class="glyph" aria-hidden="true">${status.indicator === "none" ? "✓" : "!"}</span>
            <h1>${status.description}</h1>
          </section>
          ${
            open.length
              ? html`<h2 class="section">Active incidents</h2>
                  ${open.map((i) => incidentCard(i, data))}`
              : null
          }
          ${
            active.length
              ? html`<h2 class="section">Maintenance in progress</h2>
                  ${active.map((i) => incidentCard(i, data))}`
              : null
          }
          ${
            upcoming.length
              ? html`<h2 class="section">Scheduled maintenance</h2>
                  ${upcoming.map((i) => incidentCard(i, data))}`
              : null
          }
          ${componentsSection(data)} ${historySection(data, today)}
          ${subscribeSection(data, options)}
        </main>
        <footer>
          <div class="wrap">
            <span>Last updated ${time(data.page.updatedAt, true)}</span>
            <nav aria-label="Machine-readable status">
              <a href="${FEED_PATHS.rss}">RSS</a><a href="${FEED_PATHS.atom}">Atom</a
              ><a href="/api/v2/summary.json">JSON API</a>
            </nav>
          </div>
        </footer>
      </body>
    </html>`.value
  }`;
}
