import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { toStatusIncidentDto, type StatusIncidentDto } from "./status-dto";

export const ListStatusIncidentsQuery = z.object({
  incidentId: z.uuid("incidentId must be an incident id").optional(),
  kind: z.enum(["incident", "maintenance"]).optional(),
});

export async function listStatusIncidents(
  ctx: Ctx,
  query: z.infer<typeof ListStatusIncidentsQuery>,
): Promise<StatusIncidentDto[]> {
  authorize(ctx, "status.read");
  const rows = await db().statusIncident.findMany({
    where: { incidentId: query.incidentId, kind: query.kind },
    include: { updates: { orderBy: { createdAt: "desc" } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toStatusIncidentDto);
}
