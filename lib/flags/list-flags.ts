import { db } from "../db";
import { authorize, type Ctx } from "../context";

export type FlagDto = {
  key: string;
  description: string;
  kind: string;
  valueType: string;
  value: unknown;
  defaultValue: unknown;
  version: number;
  owner: string | null;
  dependencyCategory: string | null;
  updatedAt: string;
};

export async function listFlags(ctx: Ctx): Promise<FlagDto[]> {
  authorize(ctx, "flag.read");
  const rows = await db().flag.findMany({
    where: { archivedAt: null },
    include: { owner: { select: { name: true } } },
    orderBy: { key: "asc" },
  });
  return rows.map((f) => ({
    key: f.key,
    description: f.description,
    kind: f.kind,
    valueType: f.valueType,
    value: f.value,
    defaultValue: f.defaultValue,
    version: f.version,
    owner: f.owner?.name ?? null,
    dependencyCategory: f.dependencyCategory,
    updatedAt: f.updatedAt.toISOString(),
  }));
}
