import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { notFound } from "../errors";

export type DecisionDto = {
  seq: number;
  question: string;
  options: string[];
  choice: string;
  rationale: string;
  decidedBy: string;
  isReversible: boolean;
  createdAt: string;
};

export type ActionItemDto = {
  seq: number;
  what: string;
  owner: string;
  dueAt: string | null;
  doneAt: string | null;
  createdAt: string;
};

async function assertIncident(id: string) {
  const exists = /^[0-9a-f-]{36}$/i.test(id) && (await db().incident.count({ where: { id } })) > 0;
  if (!exists) throw notFound(`Incident ${id}`);
}

export async function listDecisions(ctx: Ctx, incidentId: string): Promise<DecisionDto[]> {
  authorize(ctx, "incident.read");
  await assertIncident(incidentId);
  const rows = await db().decision.findMany({ where: { incidentId }, orderBy: { seq: "asc" } });
  return rows.map(
    ({ seq, question, options, choice, rationale, decidedBy, isReversible, createdAt }) => ({
      seq,
      question,
      options,
      choice,
      rationale,
      decidedBy,
      isReversible,
      createdAt: createdAt.toISOString(),
    }),
  );
}

/** Open actions first (soonest due first), then done ones. */
export async function listActions(ctx: Ctx, incidentId: string): Promise<ActionItemDto[]> {
  authorize(ctx, "incident.read");
  await assertIncident(incidentId);
  const rows = await db().actionItem.findMany({
    where: { incidentId },
    orderBy: [
      { doneAt: { sort: "desc", nulls: "first" } },
      { dueAt: { sort: "asc", nulls: "last" } },
      { seq: "asc" },
    ],
  });
  return rows.map((a) => ({
    seq: a.seq,
    what: a.what,
    owner: a.owner,
    dueAt: a.dueAt?.toISOString() ?? null,
    doneAt: a.doneAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  }));
}
