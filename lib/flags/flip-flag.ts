import { db, type Tx } from "../db";
import {
  actorLabel,
  actorUserId,
  authorizeInIncident,
  authorizeSomewhere,
  type Ctx,
} from "../context";
import { conflict, notFound, parseInput, validationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { appendEntry } from "../timeline/append-entry";
import { OPEN_STATUSES } from "../incidents/schemas";
import { ACTIVE_RELAXATION, getFlag } from "./list-flags";
import { publishFlagChange } from "./publish";
import { FlipFlagInput, matchesType, type FlagDto, type FlagValueType } from "./schemas";
import { sameValue } from "./to-dto";

const OPEN = new Set<string>(OPEN_STATUSES);
const json = (v: unknown) => v as Prisma.InputJsonValue;

async function checkIncident(tx: Tx, incidentId: string, isRequired: boolean) {
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident)
    throw validationError([{ path: "incidentId", message: "No incident has this id" }]);
  if (isRequired && !OPEN.has(incident.status)) {
    throw validationError([
      { path: "endsWhen", message: `INC-${incident.number} is already ${incident.status}` },
    ]);
  }
  return incident;
}

/**
 * Flips a flag, version-checked: the loser of a race gets 409 with the current flag. A flip away
 * from the default is a relaxation and must say when it ends; a flip back to the default ends
 * any relaxation in force. Any earlier relaxation of the flag is superseded by this change.
 */
export async function flipFlag({
  ctx,
  key,
  input,
}: {
  ctx: Ctx;
  key: string;
  input: unknown;
}): Promise<FlagDto> {
  authorizeSomewhere(ctx, "flag.flip");
  const data = parseInput(FlipFlagInput, input);
  // The ops lead and the commander flip flags for their incident; unlinked flips are for admins.
  await authorizeInIncident(ctx, "flag.flip", data.incidentId);

  const result = await db().$transaction(async (tx) => {
    const flag = await tx.flag.findFirst({ where: { key, archivedAt: null } });
    if (!flag) throw notFound(`Flag ${key}`);
    if (!matchesType(data.value, flag.valueType as FlagValueType)) {
      throw validationError([{ path: "value", message: `must be a ${flag.valueType}` }]);
    }
    const isRelaxation = !sameValue(data.value, flag.defaultValue);
    const endsWhen = isRelaxation ? data.endsWhen : null;
    if (isRelaxation && !endsWhen) {
      throw validationError([{ path: "endsWhen", message: "Say when this relaxation ends" }]);
    }
    let expiresAt: Date | null = null;
    if (endsWhen === "at_time") {
      expiresAt = data.expiresAt ? new Date(data.expiresAt) : null;
      if (!expiresAt || expiresAt.getTime() <= Date.now()) {
        throw validationError([{ path: "expiresAt", message: "must be a time in the future" }]);
      }
    }
    if (endsWhen === "on_resolve" && !data.incidentId) {
      throw validationError([
        { path: "incidentId", message: "Link the incident whose resolution ends this" },
      ]);
    }
    if (endsWhen === "never" && flag.kind === "kill_switch" && !data.confirmNever) {
      throw validationError([
        {
          path: "confirmNever",
          message: "Confirm that this kill switch stays flipped with no end",
        },
      ]);
    }
    const incident = data.incidentId
      ? await checkIncident(tx, data.incidentId, endsWhen === "on_resolve")
      : null;

    const { count } = await tx.flag.updateMany({
      where: { id: flag.id, version: data.expectedVersion, archivedAt: null },
      data: { value: json(data.value), version: { increment: 1 } },
    });
    if (count === 0) return { conflict: true as const };
    const superseded = await tx.flagChange.findMany({
      where: { flagId: flag.id, ...ACTIVE_RELAXATION },
      select: { id: true },
    });
    const change = await tx.flagChange.create({
      data: {
        flagId: flag.id,
        fromValue: json(flag.value),
        toValue: json(data.value),
        fromVersion: flag.version,
        toVersion: flag.version + 1,
        actorType: ctx.actor.type,
        actorId: actorUserId(ctx.actor),
        actorLabel: actorLabel(ctx.actor),
        reason: data.reason,
        incidentId: incident?.id ?? null,
        endsWhen,
        expiresAt,
      },
    });
    // A superseded relaxation ends here; this change inherits its baseline (see revertTarget).
    await tx.flagChange.updateMany({
      where: { id: { in: superseded.map((s) => s.id) }, revertedAt: null },
      data: { revertedAt: change.createdAt, revertedBy: change.id },
    });
    const entry = incident
      ? await appendEntry(tx, ctx, {
          incidentId: incident.id,
          kind: "flag_change",
          payload: {
            flagKey: flag.key,
            changeId: change.id,
            from: flag.value,
            to: data.value,
            reason: data.reason,
            endsWhen,
            expiresAt: expiresAt?.toISOString() ?? null,
            isRevert: false,
          },
        })
      : null;
    await writeAudit(tx, ctx, {
      action: "flag.flip",
      entityType: "flag",
      entityId: flag.id,
      incidentId: incident?.id,
      before: { key: flag.key, value: flag.value, version: flag.version },
      after: {
        key: flag.key,
        value: data.value,
        version: flag.version + 1,
        changeId: change.id,
        reason: data.reason,
        endsWhen,
        expiresAt,
        superseded: superseded.map((s) => s.id),
      },
    });
    return { conflict: false as const, version: flag.version + 1, change, entry };
  });

  if (result.conflict) {
    const current = await getFlag(ctx, key);
    throw conflict(
      `${key} was changed by someone else (now version ${current.version}); review and retry`,
      current,
    );
  }
  ctx.log.info({ key, version: result.version, endsWhen: result.change.endsWhen }, "flag flipped");
  await publishFlagChange({
    key,
    version: result.version,
    value: data.value,
    changeId: result.change.id,
    entry: result.entry,
  });
  return getFlag(ctx, key);
}
