import { randomUUID } from "node:crypto";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { declareIncident } from "../incidents/declare-incident";
import { createFlag } from "./create-flag";

// Each test makes its own flag and incident (unique keys), never the seeded ones.

export async function newFlag(kind: "kill_switch" | "degradation" = "kill_switch") {
  const admin = await userCtx("admin");
  const key = `test.${randomUUID().slice(0, 8)}`;
  return createFlag({
    ctx: admin,
    input: { key, kind, valueType: "boolean", defaultValue: false, dependencyCategory: "payment" },
  });
}

export async function newIncident() {
  const ctx = await userCtx("responder");
  return declareIncident({ ctx, input: { title: `Gateway down ${randomUUID().slice(0, 6)}` } });
}

export const flagRow = (key: string) => db().flag.findUniqueOrThrow({ where: { key } });
export const changesOf = (flagId: string) =>
  db().flagChange.findMany({ where: { flagId }, orderBy: { createdAt: "asc" } });
