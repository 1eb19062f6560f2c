import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBuilt, startServer, type RunningServer } from "../server-process";
import {
  adminCall,
  buildWorld,
  call,
  fingerprint,
  invitedUser,
  newFlag,
  restoreRoles,
  ROLES,
  type Role,
  type World,
} from "./api-world";

// Every API operation x every role (and anonymous): allowed, or refused with 401/403 and the
// database unchanged. Operations are read from app/api on disk, so a new route handler without
// an entry here fails the first test.

type Request = { path: string; body?: unknown };
type Case = {
  /** Who may; everyone else gets 401 (anonymous) or 403. "everyone" includes anonymous. */
  allowed: readonly Role[] | "everyone";
  request: (world: World) => Request | Promise<Request>;
  note?: string;
  /** Set when even allowed callers get a 4xx by design (a bad token, a wrong password). */
  isProbeOnly?: boolean;
};
type Entry = Case[] | { exempt: string };

const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");
const RESPONDERS: Role[] = SIGNED_IN.filter((r) => r !== "viewer");
const COMMAND: Role[] = ["commander", "admin"];
const ADMIN: Role[] = ["admin"];
const inc = (w: World) => `/api/incidents/${w.incidentId}`;

const flipBody = async (w: World, key: string, incidentId: string | null) => {
  const flag = await adminCall<{ version: number; value: boolean }>(w, "GET", `/api/flags/${key}`);
  return {
    value: !flag.value,
    expectedVersion: flag.version,
    reason: "matrix flip",
    incidentId,
    endsWhen: "on_resolve",
  };
};

const templateBody = () => ({
  key: `matrix_${randomUUID().slice(0, 8)}`,
  name: "Matrix template",
  title: "Problems with {{component}}",
  body: "We are looking into {{component}}.",
});

async function newTemplate(w: World): Promise<string> {
  const body = templateBody();
  await adminCall(w, "POST", "/api/status/templates", body);
  return body.key;
}

async function relaxation(w: World): Promise<string> {
  const key = await newFlag(w);
  await adminCall(w, "POST", `/api/flags/${key}/flip`, await flipBody(w, key, w.incidentId));
  const flag = await adminCall<{ activeRelaxation: { id: string } }>(w, "GET", `/api/flags/${key}`);
  return flag.activeRelaxation.id;
}

export const MATRIX: Record<string, Entry> = {
  "GET /api/auth/[...nextauth]": {
    exempt: "next-auth's own endpoints (CSRF-token protected); covered by the sign-in tests",
  },
  "POST /api/auth/[...nextauth]": {
    exempt: "next-auth's own endpoints (CSRF-token protected); covered by the sign-in tests",
  },
  "GET /api/incidents": [{ allowed: SIGNED_IN, request: () => ({ path: "/api/incidents" }) }],
  "POST /api/incidents": [
    {
      allowed: RESPONDERS,
      note: "any responder declares (and becomes commander)",
      request: () => ({ path: "/api/incidents", body: { title: `Declared ${randomUUID()}` } }),
    },
  ],
  "GET /api/incidents/[id]": [{ allowed: SIGNED_IN, request: (w) => ({ path: inc(w) }) }],
  "PATCH /api/incidents/[id]": [
    { allowed: COMMAND, request: (w) => ({ path: inc(w), body: { updateCadenceMinutes: 25 } }) },
  ],
  "POST /api/incidents/[id]/status": [
    {
      allowed: COMMAND,
      request: (w) => ({ path: `${inc(w)}/status`, body: { to: "investigating" } }),
    },
  ],
  "POST /api/incidents/[id]/roles": [
    {
      allowed: COMMAND,
      // A hand-off of the scribe role to another responder; restoreRoles puts the scribe back.
      request: (w) => ({
        path: `${inc(w)}/roles`,
        body: { role: "scribe", userId: w.userIds.responder },
      }),
    },
  ],
  "DELETE /api/incidents/[id]/roles/[role]": [
    {
      allowed: COMMAND,
      // The scribe is put back before each attempt (and after the case, see restoreRoles).
      request: async (w) => {
        await restoreRoles(w);
        return { path: `${inc(w)}/roles/scribe` };
      },
    },
  ],
  "GET /api/incidents/[id]/timeline": [
    { allowed: SIGNED_IN, request: (w) => ({ path: `${inc(w)}/timeline` }) },
  ],
  "POST /api/incidents/[id]/timeline": [
    {
      allowed: ["scribe", "commander", "admin"],
      note: "updates are the record",
      request: (w) => ({
        path: `${inc(w)}/timeline`,
        body: { kind: "update", payload: { known: "Gateway 504s", impact: "", nextSteps: "" } },
      }),
    },
    {
      allowed: RESPONDERS,
      note: "notes are comments any responder adds",
      request: (w) => ({
        path: `${inc(w)}/timeline`,
        body: { kind: "note", payload: { text: "Seeing this too" } },
      }),
    },
  ],
  "GET /api/incidents/[id]/actions": [
    { allowed: SIGNED_IN, request: (w) => ({ path: `${inc(w)}/actions` }) },
  ],
  "POST /api/incidents/[id]/actions/[seq]": [
    {
      allowed: ["scribe", "commander", "admin"],
      request: (w) => ({ path: `${inc(w)}/actions/${w.actionSeq}`, body: { isDone: true } }),
    },
  ],
  "GET /api/incidents/[id]/decisions": [
    { allowed: SIGNED_IN, request: (w) => ({ path: `${inc(w)}/decisions` }) },
  ],
  "GET /api/incidents/[id]/postmortem": [
    { allowed: SIGNED_IN, request: (w) => ({ path: `${inc(w)}/postmortem` }) },
    { allowed: SIGNED_IN, request: (w) => ({ path: `${inc(w)}/postmortem?format=markdown` }) },
  ],
  "GET /api/flags": [{ allowed: SIGNED_IN, request: () => ({ path: "/api/flags" }) }],
  "POST /api/flags": [
    {
      allowed: ADMIN,
      request: () => ({
        path: "/api/flags",
        body: {
          key: `matrix.new-${randomUUID().slice(0, 8)}`,
          kind: "operational",
          valueType: "boolean",
          defaultValue: false,
        },
      }),
    },
  ],
  "GET /api/flags/[key]": [
    { allowed: SIGNED_IN, request: (w) => ({ path: `/api/flags/${w.flagKey}` }) },
  ],
  "PATCH /api/flags/[key]": [
    {
      allowed: ADMIN,
      request: (w) => ({ path: `/api/flags/${w.flagKey}`, body: { description: "changed" } }),
    },
  ],
  "DELETE /api/flags/[key]": [
    { allowed: ADMIN, request: async (w) => ({ path: `/api/flags/${await newFlag(w)}` }) },
  ],
  "POST /api/flags/[key]/flip": [
    {
      allowed: ["ops", "commander", "admin"],
      note: "linked to the incident",
      request: async (w) => ({
        path: `/api/flags/${w.flagKey}/flip`,
        body: await flipBody(w, w.flagKey, w.incidentId),
      }),
    },
    {
      allowed: ADMIN,
      note: "linked to no incident",
      request: async (w) => ({
        path: `/api/flags/${w.flagKey}/flip`,
        body: { ...(await flipBody(w, w.flagKey, null)), endsWhen: "never" },
      }),
    },
  ],
  "POST /api/flags/changes/[id]/revert": [
    {
      allowed: ["ops", "commander", "admin"],
      request: async (w) => ({ path: `/api/flags/changes/${await relaxation(w)}/revert` }),
    },
  ],
  "GET /api/status/components": [
    { allowed: SIGNED_IN, request: () => ({ path: "/api/status/components" }) },
  ],
  "POST /api/status/components": [
    {
      allowed: ADMIN,
      request: () => ({
        path: "/api/status/components",
        body: { name: `Matrix ${randomUUID().slice(0, 8)}` },
      }),
    },
  ],
  "PATCH /api/status/components/[id]": [
    {
      allowed: ADMIN,
      request: async (w) => {
        const c = await adminCall<{ id: string }>(w, "POST", "/api/status/components", {
          name: `Matrix ${randomUUID().slice(0, 8)}`,
        });
        return { path: `/api/status/components/${c.id}`, body: { status: "degraded_performance" } };
      },
    },
  ],
  "DELETE /api/status/components/[id]": [
    {
      allowed: ADMIN,
      request: async (w) => {
        const c = await adminCall<{ id: string }>(w, "POST", "/api/status/components", {
          name: `Matrix ${randomUUID().slice(0, 8)}`,
        });
        return { path: `/api/status/components/${c.id}` };
      },
    },
  ],
  "GET /api/status/incidents": [
    { allowed: SIGNED_IN, request: () => ({ path: "/api/status/incidents" }) },
  ],
  "POST /api/status/incidents": [
    {
      allowed: ["comms", "commander", "admin"],
      note: "for the incident",
      request: (w) => ({
        path: "/api/status/incidents",
        body: { incidentId: w.incidentId, body: "Payments are delayed." },
      }),
    },
    {
      allowed: ADMIN,
      note: "a notice linked to no incident",
      request: () => ({
        path: "/api/status/incidents",
        body: { name: "Scheduled notice", body: "Heads up." },
      }),
    },
  ],
  "POST /api/status/incidents/[id]/updates": [
    {
      allowed: ["comms", "commander", "admin"],
      request: (w) => ({
        path: `/api/status/incidents/${w.statusIncidentId}/updates`,
        body: { body: "Still investigating.", status: "identified" },
      }),
    },
  ],
  "POST /api/status/maintenances": [
    {
      allowed: ADMIN,
      request: () => {
        const start = Date.now() + 86_400_000;
        return {
          path: "/api/status/maintenances",
          body: {
            name: "Upgrade",
            body: "Short read-only window.",
            scheduledFor: new Date(start).toISOString(),
            scheduledUntil: new Date(start + 3_600_000).toISOString(),
          },
        };
      },
    },
  ],
  "GET /api/status/outbox": [{ allowed: ADMIN, request: () => ({ path: "/api/status/outbox" }) }],
  "POST /api/status/outbox/[id]/retry": [
    {
      allowed: ADMIN,
      isProbeOnly: true,
      note: "an unknown message is a 404 for admins",
      request: () => ({ path: `/api/status/outbox/${randomUUID()}/retry` }),
    },
  ],
  "GET /api/status/templates": [
    { allowed: SIGNED_IN, request: () => ({ path: "/api/status/templates" }) },
  ],
  "POST /api/status/templates": [
    {
      allowed: ADMIN,
      request: () => ({ path: "/api/status/templates", body: templateBody() }),
    },
  ],
  "PATCH /api/status/templates/[key]": [
    {
      allowed: ADMIN,
      request: async (w) => ({
        path: `/api/status/templates/${await newTemplate(w)}`,
        body: { name: "Renamed" },
      }),
    },
  ],
  "DELETE /api/status/templates/[key]": [
    {
      allowed: ADMIN,
      request: async (w) => ({ path: `/api/status/templates/${await newTemplate(w)}` }),
    },
  ],
  "GET /api/openapi.json": [
    {
      allowed: "everyone",
      note: "public API description",
      request: () => ({ path: "/api/openapi.json" }),
    },
  ],
  "GET /api/tokens": [{ allowed: ADMIN, request: () => ({ path: "/api/tokens" }) }],
  "POST /api/tokens": [
    {
      allowed: ADMIN,
      request: () => ({ path: "/api/tokens", body: { name: "matrix", scopes: ["flags:read"] } }),
    },
  ],
  "DELETE /api/tokens/[id]": [
    {
      allowed: ADMIN,
      request: async (w) => {
        const { token } = await adminCall<{ token: { id: string } }>(w, "POST", "/api/tokens", {
          name: "to revoke",
        });
        return { path: `/api/tokens/${token.id}` };
      },
    },
  ],
  "GET /api/users": [{ allowed: SIGNED_IN, request: () => ({ path: "/api/users" }) }],
  "PATCH /api/users/[id]": [
    {
      allowed: ADMIN,
      request: async (w) => {
        const user = await invitedUser(w, "responder");
        return { path: `/api/users/${user.id}`, body: { role: "viewer" } };
      },
    },
  ],
  "GET /api/admin/users": [{ allowed: ADMIN, request: () => ({ path: "/api/admin/users" }) }],
  "GET /api/invites": [{ allowed: ADMIN, request: () => ({ path: "/api/invites" }) }],
  "POST /api/invites": [
    {
      allowed: ADMIN,
      request: () => ({
        path: "/api/invites",
        body: {
          email: `m-${randomUUID().slice(0, 8)}@invited.test`,
          name: "Matrix",
          role: "viewer",
        },
      }),
    },
  ],
  "DELETE /api/invites/[id]": [
    {
      allowed: ADMIN,
      request: async (w) => {
        const { invite } = await adminCall<{ invite: { id: string } }>(w, "POST", "/api/invites", {
          email: `r-${randomUUID().slice(0, 8)}@invited.test`,
          name: "Revoke me",
          role: "viewer",
        });
        return { path: `/api/invites/${invite.id}` };
      },
    },
  ],
  "POST /api/invites/accept": [
    {
      allowed: "everyone",
      note: "public; a bad token is a 400 for anyone",
      isProbeOnly: true,
      request: () => ({
        path: "/api/invites/accept",
        body: { token: `inv_${"x".repeat(32)}`, password: "a long enough password" },
      }),
    },
  ],
  "POST /api/account/password": [
    {
      allowed: SIGNED_IN,
      note: "own password; a wrong current password is a 400",
      isProbeOnly: true,
      request: () => ({
        path: "/api/account/password",
        body: { currentPassword: "not-my-password", newPassword: "a new long password" },
      }),
    },
  ],
  "GET /api/audit": [{ allowed: ADMIN, request: () => ({ path: "/api/audit?limit=5" }) }],
  "GET /api/audit/export": [
    { allowed: ADMIN, request: () => ({ path: "/api/audit/export?action=auth." }) },
  ],
};

/** Every "METHOD /api/…" operation exported by a route.ts under app/api. */
export function operationsOnDisk(root = path.resolve("app/api")): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/${path.relative(root, dir).split(path.sep).join("/")}`.replace(
          /\/$/,
          "",
        );
        const source = fs.readFileSync(full, "utf8");
        const methods = new Set<string>();
        const exported = /export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE|HEAD)\b/g;
        for (const m of source.matchAll(exported)) {
          methods.add(m[1]!);
        }
        for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) {
          methods.add(m[1]!);
        }
        for (const method of methods) found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

const METHOD_OF = (key: string) => key.split(" ")[0]!;

describe("permission matrix", () => {
  it("has an entry for every API operation on disk, and none for operations that are gone", () => {
    const onDisk = operationsOnDisk();
    expect(
      onDisk.filter((op) => !(op in MATRIX)),
      "operations without a matrix entry",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((op) => !onDisk.includes(op)),
      "stale entries",
    ).toEqual([]);
  });
});

describe.skipIf(!isBuilt)("permission matrix over HTTP (needs a build)", () => {
  let server: RunningServer;
  let world: World;

  beforeAll(async () => {
    server = await startServer(undefined, undefined, { RATE_LIMIT_WRITES_PER_MINUTE: "100000" });
    world = await buildWorld(server);
  }, 120_000);

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  const cases = Object.entries(MATRIX).flatMap(([op, entry]) =>
    Array.isArray(entry)
      ? entry.map((c, i) => ({
          op,
          c,
          label: `${op}${c.note ? ` (${c.note})` : entry.length > 1 ? ` #${i + 1}` : ""}`,
        }))
      : [],
  );

  it.each(cases)("$label", async ({ op, c }) => {
    const method = METHOD_OF(op);
    const isAllowed = (role: Role) => c.allowed === "everyone" || c.allowed.includes(role);
    // Refusals first, against an untouched world; then the allowed roles.
    const order = [...ROLES].sort((a, b) => Number(isAllowed(a)) - Number(isAllowed(b)));
    const outcomes: string[] = [];
    for (const role of order) {
      const req = await c.request(world);
      const cookie = role === "anonymous" ? undefined : world.cookies[role];
      if (isAllowed(role)) {
        const res = await call(world.url, method, req.path, { cookie, body: req.body });
        outcomes.push(`${role}:${res.status}`);
        expect([401, 403], `${role} should be allowed: ${res.text.slice(0, 200)}`).not.toContain(
          res.status,
        );
        expect(res.status, `${role}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      } else {
        const before = await fingerprint(world);
        const res = await call(world.url, method, req.path, { cookie, body: req.body });
        outcomes.push(`${role}:${res.status}`);
        expect(res.status, `${role} should be refused: ${res.text.slice(0, 200)}`).toBe(
          role === "anonymous" ? 401 : 403,
        );
        expect(await fingerprint(world), `${role}'s refused ${op} changed the database`).toBe(
          before,
        );
      }
    }
    expect(outcomes).toHaveLength(ROLES.length);
    // The first allowed caller really succeeds (later ones may meet a 409/422 it caused).
    const firstAllowed = outcomes.find((o) => isAllowed(o.split(":")[0] as Role));
    if (!c.isProbeOnly) expect(firstAllowed, outcomes.join(" ")).toMatch(/:2\d\d$/);
    await restoreRoles(world);
  });
});
