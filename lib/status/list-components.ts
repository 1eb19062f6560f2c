import { db } from "../db";

export type PublicComponent = {
  name: string;
  description: string;
  group: string | null;
  status: string;
};

/** Components customers see: hidden-unless-degraded ones only while they are not operational. */
export async function listPublicComponents(): Promise<PublicComponent[]> {
  const rows = await db().component.findMany({ orderBy: [{ group: "asc" }, { position: "asc" }] });
  return rows
    .filter((c) => !c.showOnlyWhenDegraded || c.status !== "operational")
    .map((c) => ({ name: c.name, description: c.description, group: c.group, status: c.status }));
}
