import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import type { Prisma } from "../generated/prisma/client";
import { safeJsonStringify } from "../http/safe-json";

// Admins read the audit log, filtered, newest first, or export it as JSON lines.

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
const optionalDate = z.iso
  .datetime({ offset: true, message: "must be an ISO date-time" })
  .optional()
  .or(z.literal("").transform(() => undefined));

export const AuditQuery = z.object({
  action: optionalText,
  actor: optionalText,
  entityType: optionalText,
  entityId: optionalText,
  incidentId: optionalText,
  from: optionalDate,
  to: optionalDate,
  /** Rows with an id below this one (keyset paging, newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.output<typeof AuditQuery>;

export type AuditRowDto = {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  incidentId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

function where(q: Omit<AuditQuery, "limit" | "before">): Prisma.AuditLogWhereInput {
  return {
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actor ? { actorLabel: { contains: q.actor, mode: "insensitive" } } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.incidentId ? { incidentId: q.incidentId } : {}),
    ...(q.from || q.to
      ? {
          at: {
            ...(q.from ? { gte: new Date(q.from) } : {}),
            ...(q.to ? { lte: new Date(q.to) } : {}),
          },
        }
      : {}),
  };
}

type Row = Awaited<ReturnType<ReturnType<typeof db>["auditLog"]["findFirstOrThrow"]>>;

export const toAuditDto = (r: Row): AuditRowDto => ({
  id: r.id.toString(),
  at: r.at.toISOString(),
  actorType: r.actorType,
  actorId: r.actorId,
  actorLabel: r.actorLabel,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  incidentId: r.incidentId,
  before: r.before,
  after: r.after,
  ip: r.ip,
  userAgent: r.userAgent,
  requestId: r.requestId,
});

export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<AuditRowDto[]> {
  authorize(ctx, "audit.read");
  const rows = await db().auditLog.findMany({
    where: { ...where(query), ...(query.before ? { id: { lt: BigInt(query.before) } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit,
  });
  return rows.map(toAuditDto);
}

/** Every matching row, oldest first, one JSON object per line. Authorises before streaming. */
export function exportAudit(
  ctx: Ctx,
  query: Omit<AuditQuery, "limit" | "before">,
): AsyncGenerator<string> {
  authorize(ctx, "audit.read");
  return exportLines(query);
}

async function* exportLines(query: Omit<AuditQuery, "limit" | "before">): AsyncGenerator<string> {
  let after = 0n;
  for (;;) {
    const rows = await db().auditLog.findMany({
      where: { ...where(query), id: { gt: after } },
      orderBy: { id: "asc" },
      take: 500,
    });
    for (const row of rows) yield `${safeJsonStringify(toAuditDto(row))}\n`;
    if (rows.length < 500) return;
    after = rows.at(-1)!.id;
  }
}
