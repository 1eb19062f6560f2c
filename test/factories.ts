import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { createCtx, type Ctx } from "../lib/context";

// Each test makes its own rows: unique emails, no shared seeded state.

export async function createUser(role: "admin" | "responder" | "viewer" = "responder") {
  const id = randomUUID().slice(0, 8);
  return db().user.create({
    data: { email: `${role}-${id}@test.local`, name: `${role} ${id}`, role, passwordHash: "x" },
  });
}

export async function userCtx(role: "admin" | "responder" | "viewer" = "responder"): Promise<Ctx> {
  const user = await createUser(role);
  return createCtx({
    type: "user",
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
  });
}

/** A responder who currently holds an incident role (ops lead, comms lead, scribe, commander). */
export async function holderCtx(
  incidentId: string,
  role: "commander" | "comms" | "ops" | "scribe",
): Promise<Ctx> {
  const ctx = await userCtx("responder");
  if (ctx.actor.type !== "user") throw new Error("unreachable");
  await db().roleAssignment.create({ data: { incidentId, role, userId: ctx.actor.id } });
  return ctx;
}
