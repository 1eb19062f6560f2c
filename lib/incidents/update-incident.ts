import { db } from "../db";
import { authorizeInIncident, type Ctx } from "../context";
import { parseInput } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { TimelineEntry } from "../generated/prisma/client";
import { appendEntry } from "../timeline/append-entry";
import { loadIncident, loadIncidentDto } from "./load-incident";
import { publishIncidentChange } from "./publish-change";
import { UpdateIncidentInput, type IncidentSummaryDto } from "./schemas";

/** Edits severity, dependency, cadence or wording; each meaningful change is a timeline entry. */
export async function updateIncident({
  ctx,
  incidentId,
  input,
}: {
  ctx: Ctx;
  incidentId: string;
  input: unknown;
}): Promise<IncidentSummaryDto> {
  await authorizeInIncident(ctx, "incident.command", incidentId);
  const data = parseInput(UpdateIncidentInput, input);

  const { dto, entries } = await db().$transaction(async (tx) => {
    const before = await loadIncident(tx, incidentId);
    const entries: TimelineEntry[] = [];
    const append = async (kind: TimelineEntry["kind"], payload: Record<string, unknown>) =>
      entries.push(await appendEntry(tx, ctx, { incidentId, kind, payload }));

    if (data.severity && data.severity !== before.severity) {
      await append("severity_change", { from: before.severity, to: data.severity });
    }
    const category = data.dependencyCategory ?? before.dependencyCategory;
    const name = data.dependencyName ?? before.dependencyName;
    if (category !== before.dependencyCategory || name !== before.dependencyName) {
      await append("dependency_change", {
        from: { category: before.dependencyCategory, name: before.dependencyName },
        to: { category, name },
      });
    }
    const cadence = data.updateCadenceMinutes;
    if (cadence !== undefined && cadence !== before.updateCadenceMinutes) {
      await append("note", { text: `Internal update cadence set to every ${cadence} min` });
    }
    const base = before.lastEntryAt ?? before.declaredAt;
    await tx.incident.update({
      where: { id: incidentId },
      data: {
        ...data,
        ...(cadence !== undefined && before.nextUpdateDueAt
          ? { nextUpdateDueAt: new Date(base.getTime() + cadence * 60_000) }
          : {}),
      },
    });
    const dto = await loadIncidentDto(tx, incidentId);
    await writeAudit(tx, ctx, {
      action: "incident.update",
      entityType: "incident",
      entityId: incidentId,
      incidentId,
      before: Object.fromEntries(
        Object.keys(data).map((k) => [k, before[k as keyof typeof before]]),
      ),
      after: data,
    });
    return { dto, entries };
  });

  publishIncidentChange(dto, entries);
  return dto;
}
