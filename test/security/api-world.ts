import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "../../lib/seed/demo-data";
import { signInCookie, type RunningServer } from "../server-process";

// A small world built through the public API of a running server: one incident with its four
// roles held by the demo responders, a plain responder with no role, a viewer and an admin.

export const ROLES = [
  "anonymous",
  "viewer",
  "responder",
  "scribe",
  "ops",
  "comms",
  "commander",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export type World = {
  url: string;
  cookies: Record<Exclude<Role, "anonymous">, string>;
  userIds: Record<string, string>;
  incidentId: string;
  actionSeq: number;
  flagKey: string;
  statusIncidentId: string;
};

export type Call = { status: number; body: unknown; text: string };

/** Enough of a world to act as admin. */
export type AdminHandle = { url: string; cookies: { admin: string } };

export async function call(
  url: string,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Call> {
  const res = await fetch(`${url}${path}`, {
    method,
    redirect: "manual",
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an export, a redirect)
  }
  return { status: res.status, body, text };
}

/** Calls as admin and insists on success: world-building steps must not fail silently. */
export async function adminCall<T>(
  world: AdminHandle,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const r = await call(world.url, method, path, { cookie: world.cookies.admin, body });
  if (r.status >= 400) throw new Error(`${method} ${path} -> ${r.status}: ${r.text}`);
  return r.body as T;
}

/** Invites someone as admin, accepts the invite and signs them in. */
export async function invitedUser(
  world: AdminHandle,
  role: "admin" | "responder" | "viewer",
): Promise<{ id: string; email: string; cookie: string; password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@invited.test`;
  const { link } = await adminCall<{ link: string }>(world, "POST", "/api/invites", {
    email,
    name: `Invited ${role}`,
    role,
  });
  const token = new URL(link).hash.replace("#token=", "");
  const password = `pw-${randomUUID()}`;
  const accepted = await call(world.url, "POST", "/api/invites/accept", {
    body: { token, password },
  });
  if (accepted.status !== 201) throw new Error(`accept -> ${accepted.status}: ${accepted.text}`);
  const cookie = await signInCookie(world.url, email, password);
  return { id: (accepted.body as { id: string }).id, email, cookie, password };
}

export async function buildWorld(server: RunningServer): Promise<World> {
  const url = server.url;
  const demo = async (name: string) => signInCookie(url, `${name}@warroom.test`, DEMO_PASSWORD);
  const partial = {
    url,
    cookies: {
      admin: await demo("admin"),
      viewer: await demo("viewer"),
      scribe: await demo("scribe"),
      ops: await demo("ops"),
      comms: await demo("comms"),
      commander: await demo("commander"),
      responder: "",
    },
  };
  const plain = await invitedUser(partial, "responder");
  partial.cookies.responder = plain.cookie;
  const users = await adminCall<{ id: string; email: string }[]>(partial, "GET", "/api/users");
  const userIds: Record<string, string> = {
    ...Object.fromEntries(users.map((u) => [u.email.split("@")[0]!, u.id])),
    responder: plain.id,
  };
  const incident = await adminCall<{ id: string }>(partial, "POST", "/api/incidents", {
    title: `Matrix ${randomUUID().slice(0, 6)}`,
    dependencyCategory: "payment",
    commanderId: userIds.commander,
  });
  for (const role of ["ops", "comms", "scribe"]) {
    await adminCall(partial, "POST", `/api/incidents/${incident.id}/roles`, {
      role,
      userId: userIds[role],
    });
  }
  const action = await adminCall<{ seq: number }>(
    partial,
    "POST",
    `/api/incidents/${incident.id}/timeline`,
    {
      kind: "action",
      payload: { what: "Open a ticket", owner: "ops", dueAt: null, isDone: false },
    },
  );
  const flag = await newFlag(partial);
  const published = await adminCall<{ id: string }>(partial, "POST", "/api/status/incidents", {
    incidentId: incident.id,
    body: "We are investigating payment errors.",
  });
  return {
    ...partial,
    userIds,
    incidentId: incident.id,
    actionSeq: action.seq,
    flagKey: flag,
    statusIncidentId: published.id,
  };
}

export async function newFlag(world: AdminHandle): Promise<string> {
  const key = `matrix.${randomUUID().slice(0, 8)}`;
  await adminCall(world, "POST", "/api/flags", {
    key,
    kind: "degradation",
    valueType: "boolean",
    defaultValue: false,
    dependencyCategory: "payment",
  });
  return key;
}

/**
 * What a refused request must leave untouched, read as admin: the newest audit row (every write
 * appends one in its transaction) and the state of what the matrix touches.
 */
export async function fingerprint(world: World): Promise<string> {
  const paths = [
    "/api/audit?limit=1",
    `/api/incidents/${world.incidentId}`,
    `/api/incidents/${world.incidentId}/timeline`,
    "/api/flags",
    "/api/tokens",
    "/api/admin/users",
    "/api/invites",
    "/api/status/incidents",
    "/api/status/components",
  ];
  const parts = await Promise.all(paths.map((p) => adminCall(world, "GET", p)));
  return JSON.stringify(parts);
}

/** Puts the demo responders back in their incident roles if a case relieved one. */
export async function restoreRoles(world: World): Promise<void> {
  const incident = await adminCall<{ roles: { role: string; userId: string }[] }>(
    world,
    "GET",
    `/api/incidents/${world.incidentId}`,
  );
  for (const role of ["commander", "ops", "comms", "scribe"]) {
    const userId = world.userIds[role]!;
    if (incident.roles.some((r) => r.role === role && r.userId === userId)) continue;
    await adminCall(world, "POST", `/api/incidents/${world.incidentId}/roles`, { role, userId });
  }
}
