import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { fieldErrorsFromZod, notFound, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { ListIncidentsQuery, OPEN_STATUSES, type IncidentSummaryDto } from "./schemas";
import { ACTIVE_ROLES_INCLUDE, toIncidentDto } from "./to-dto";

const OPEN = new Set<string>(OPEN_STATUSES);

/** Open incidents first (most severe, then newest), then the rest newest first. */
export async function listIncidents(ctx: Ctx, query: unknown = {}): Promise<IncidentSummaryDto[]> {
  authorize(ctx, "incident.read");
  const parsed = ListIncidentsQuery.safeParse(query);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const { status, severity, dependency } = parsed.data;
  const where: Prisma.IncidentWhereInput = {
    ...(status === "open" ? { status: { in: [...OPEN_STATUSES] } } : status ? { status } : {}),
    ...(severity ? { severity } : {}),
    ...(dependency ? { dependencyCategory: dependency } : {}),
  };
  const rows = await db().incident.findMany({
    where,
    include: ACTIVE_ROLES_INCLUDE,
    orderBy: { declaredAt: "desc" },
    take: 200,
  });
  const rank = (i: { status: string; severity: string }) =>
    OPEN.has(i.status) ? Number(i.severity.slice(3)) : 10;
  return rows
    .map(toIncidentDto)
    .sort((a, b) => rank(a) - rank(b) || b.declaredAt.localeCompare(a.declaredAt));
}

export async function getIncident(ctx: Ctx, id: string): Promise<IncidentSummaryDto> {
  authorize(ctx, "incident.read");
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db().incident.findUnique({ where: { id }, include: ACTIVE_ROLES_INCLUDE })
    : null;
  if (!row) throw notFound("Incident");
  return toIncidentDto(row);
}
