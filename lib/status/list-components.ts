import { db } from "../db";
import { authorize, type Ctx } from "../context";
import type { Component } from "../generated/prisma/client";

export type ComponentDto = {
  id: string;
  name: string;
  description: string;
  group: string | null;
  position: number;
  status: string;
  showOnlyWhenDegraded: boolean;
  updatedAt: string;
};

export const toComponentDto = (c: Component): ComponentDto => ({
  id: c.id,
  name: c.name,
  description: c.description,
  group: c.group,
  position: c.position,
  status: c.status,
  showOnlyWhenDegraded: c.showOnlyWhenDegraded,
  updatedAt: c.updatedAt.toISOString(),
});

export async function listComponents(ctx: Ctx): Promise<ComponentDto[]> {
  authorize(ctx, "status.read");
  const rows = await db().component.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] });
  return rows.map(toComponentDto);
}
