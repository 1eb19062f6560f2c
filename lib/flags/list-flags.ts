import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { FlagDto } from "./schemas";
import { CHANGE_INCLUDE, toFlagDto, type ChangeRow } from "./to-dto";

/** An active relaxation: a flip that still has to end (not reverted, not superseded). */
export const ACTIVE_RELAXATION: Prisma.FlagChangeWhereInput = {
  revertedAt: null,
  endsWhen: { not: null },
};

async function loadFlags(where: Prisma.FlagWhereInput): Promise<FlagDto[]> {
  const flags = await db().flag.findMany({
    where,
    include: { owner: { select: { id: true, name: true } } },
    orderBy: { key: "asc" },
  });
  const ids = flags.map((f) => f.id);
  const [active, recent] = await Promise.all([
    db().flagChange.findMany({
      where: { flagId: { in: ids }, ...ACTIVE_RELAXATION },
      include: CHANGE_INCLUDE,
    }),
    db().flagChange.findMany({
      where: { flagId: { in: ids } },
      include: CHANGE_INCLUDE,
      orderBy: { createdAt: "desc" },
      distinct: ["flagId"],
    }),
  ]);
  const byFlag = (rows: ChangeRow[]) => new Map(rows.map((r) => [r.flagId, r]));
  const activeBy = byFlag(active);
  const lastBy = byFlag(recent);
  return flags.map((f) => toFlagDto(f, lastBy.get(f.id) ?? null, activeBy.get(f.id) ?? null));
}

const rank = (f: FlagDto) => (f.activeRelaxation ? 0 : f.isRelaxed ? 1 : 2);
const endsAt = (f: FlagDto) => f.activeRelaxation?.expiresAt ?? "9999";

/** Active relaxations first (soonest to end first), then relaxed flags, then the rest by key. */
export async function listFlags(ctx: Ctx): Promise<FlagDto[]> {
  authorize(ctx, "flag.read");
  const flags = await loadFlags({ archivedAt: null });
  return flags.sort(
    (a, b) => rank(a) - rank(b) || endsAt(a).localeCompare(endsAt(b)) || a.key.localeCompare(b.key),
  );
}

export async function getFlag(ctx: Ctx, key: string): Promise<FlagDto> {
  authorize(ctx, "flag.read");
  const [flag] = await loadFlags({ key });
  if (!flag) throw notFound(`Flag ${key}`);
  return flag;
}

/** Relaxations linked to an incident that are still in force. */
export async function countActiveRelaxations(incidentId: string): Promise<number> {
  return db().flagChange.count({ where: { incidentId, ...ACTIVE_RELAXATION } });
}
