import { db, type Tx } from "../db";
import {
  actorLabel,
  actorUserId,
  authorizeInIncident,
  authorizeSomewhere,
  type Ctx,
} from "../context";
import { conflict, fieldErrorsFromZod, notFound, validationError } from "../errors";
import type { FlagChange, Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { appendEntry } from "../timeline/append-entry";
import { publishFlagChange } from "./publish";
import { RevertChangeInput } from "./schemas";

export type RevertTrigger = "expiry" | "resolve" | "manual";

const DEFAULT_REASON: Record<RevertTrigger, string> = {
  expiry: "Relaxation expired",
  resolve: "Linked incident resolved",
  manual: "Reverted by hand",
};

/** The value to go back to: a change that superseded a relaxation inherits its baseline. */
async function revertTarget(tx: Tx, change: FlagChange): Promise<unknown> {
  let current = change;
  for (let depth = 0; depth < 100; depth++) {
    const superseded = await tx.flagChange.findFirst({
      where: { revertedBy: current.id, revertsId: null, endsWhen: { not: null } },
      orderBy: { createdAt: "desc" },
    });
    if (!superseded) break;
    current = superseded;
  }
  return current.fromValue;
}

/**
 * Reverts one relaxation to the value before it, exactly once: the claim is a conditional update
 * on `revertedAt`, so concurrent expiry runs, instances or clicks get one winner. Returns null
 * when there was nothing left to revert.
 */
export async function revertFlagChange({
  ctx,
  changeId,
  trigger,
  input = {},
}: {
  ctx: Ctx;
  changeId: string;
  trigger: RevertTrigger;
  input?: unknown;
}): Promise<{ key: string; version: number } | null> {
  authorizeSomewhere(ctx, "flag.flip");
  const parsed = RevertChangeInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const reason = parsed.data.reason ?? DEFAULT_REASON[trigger];
  if (!/^[0-9a-f-]{36}$/i.test(changeId)) throw notFound("Flag change");
  const linked = await db().flagChange.findUnique({
    where: { id: changeId },
    select: { incidentId: true },
  });
  if (!linked) throw notFound("Flag change");
  await authorizeInIncident(ctx, "flag.flip", linked.incidentId);

  const result = await db().$transaction(async (tx) => {
    const change = await tx.flagChange.findUnique({
      where: { id: changeId },
      include: { flag: true },
    });
    if (!change) throw notFound("Flag change");
    if (change.endsWhen === null) return null;
    const now = new Date();
    const claimed = await tx.flagChange.updateMany({
      where: { id: change.id, revertedAt: null },
      data: { revertedAt: now },
    });
    if (claimed.count === 0) return null;
    const target = (await revertTarget(tx, change)) as Prisma.InputJsonValue;
    const moved = await tx.flag.updateMany({
      where: { id: change.flagId, version: change.toVersion },
      data: { value: target, version: { increment: 1 } },
    });
    if (moved.count === 0) throw conflict(`${change.flag.key} changed since this relaxation`);
    const revert = await tx.flagChange.create({
      data: {
        flagId: change.flagId,
        fromValue: change.toValue as Prisma.InputJsonValue,
        toValue: target,
        fromVersion: change.toVersion,
        toVersion: change.toVersion + 1,
        actorType: ctx.actor.type,
        actorId: actorUserId(ctx.actor),
        actorLabel: actorLabel(ctx.actor),
        reason,
        incidentId: change.incidentId,
        revertsId: change.id,
        createdAt: now,
      },
    });
    await tx.flagChange.update({ where: { id: change.id }, data: { revertedBy: revert.id } });
    const entry = change.incidentId
      ? await appendEntry(tx, ctx, {
          incidentId: change.incidentId,
          kind: "flag_change",
          payload: {
            flagKey: change.flag.key,
            changeId: revert.id,
            revertsId: change.id,
            from: change.toValue,
            to: target,
            reason,
            trigger,
            endsWhen: null,
            expiresAt: null,
            isRevert: true,
          },
        })
      : null;
    await writeAudit(tx, ctx, {
      action: "flag.revert",
      entityType: "flag",
      entityId: change.flagId,
      incidentId: change.incidentId ?? undefined,
      before: { key: change.flag.key, value: change.toValue, version: change.toVersion },
      after: {
        key: change.flag.key,
        value: target,
        version: change.toVersion + 1,
        changeId: revert.id,
        revertsId: change.id,
        trigger,
        reason,
      },
    });
    return { key: change.flag.key, version: change.toVersion + 1, target, revert, entry };
  });
  if (!result) return null;
  ctx.log.info({ key: result.key, changeId, trigger }, "flag relaxation reverted");
  await publishFlagChange({
    key: result.key,
    version: result.version,
    value: result.target,
    changeId: result.revert.id,
    entry: result.entry,
  });
  return { key: result.key, version: result.version };
}
