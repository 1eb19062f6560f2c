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
