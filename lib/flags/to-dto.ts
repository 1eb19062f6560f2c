import { isDeepStrictEqual } from "node:util";
import type { Flag, FlagChange, Incident, User } from "../generated/prisma/client";
import type { EndsWhen, FlagChangeDto, FlagDto, FlagValueType } from "./schemas";

export type ChangeRow = FlagChange & {
  incident: Pick<Incident, "id" | "number" | "title" | "status"> | null;
};

export const CHANGE_INCLUDE = {
  incident: { select: { id: true, number: true, title: true, status: true } },
} as const;

export const sameValue = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

export function toChangeDto(c: ChangeRow): FlagChangeDto {
  return {
    id: c.id,
    from: c.fromValue,
    to: c.toValue,
    actorLabel: c.actorLabel,
    actorType: c.actorType,
    reason: c.reason,
    incident: c.incident,
    endsWhen: (c.endsWhen as EndsWhen | null) ?? null,
    expiresAt: c.expiresAt?.toISOString() ?? null,
    revertsId: c.revertsId,
    revertedAt: c.revertedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toFlagDto(
  f: Flag & { owner: Pick<User, "id" | "name"> | null },
  lastChange: ChangeRow | null,
  activeRelaxation: ChangeRow | null,
): FlagDto {
  return {
    id: f.id,
    key: f.key,
    description: f.description,
    kind: f.kind,
    valueType: f.valueType as FlagValueType,
    value: f.value,
    defaultValue: f.defaultValue,
    version: f.version,
    owner: f.owner,
    dependencyCategory: f.dependencyCategory,
    components: f.components,
    revertOnResolve: f.revertOnResolve,
    isRelaxed: !sameValue(f.value, f.defaultValue),
    lastChange: lastChange ? toChangeDto(lastChange) : null,
    activeRelaxation: activeRelaxation ? toChangeDto(activeRelaxation) : null,
    updatedAt: f.updatedAt.toISOString(),
  };
}
