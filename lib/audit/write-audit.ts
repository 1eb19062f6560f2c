import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { actorLabel, type Ctx } from "../context";

type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string;
  incidentId?: string;
  before?: unknown;
  after?: unknown;
};

const toJson = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends an audit row inside the caller's transaction: if it fails, the change rolls back. */
export async function writeAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  const { actor } = ctx;
  await tx.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: actor.type === "user" ? actor.id : null,
      actorLabel: actorLabel(actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      incidentId: input.incidentId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
      requestId: ctx.requestId,
    },
  });
}
