import { db } from "../db";
import { authorizeInIncident, type Ctx } from "../context";
import { fieldErrorsFromZod, notFound, validationError } from "../errors";
import { postEntry } from "./post-entry";
import { CompleteActionInput, type TimelineEntryDto } from "./schemas";

/** Marks an action done (or not): a new action entry that amends the original, never an edit. */
export async function completeAction({
  ctx,
  incidentId,
  seq,
  input,
  idempotencyKey,
}: {
  ctx: Ctx;
  incidentId: string;
  seq: number;
  input: unknown;
  idempotencyKey?: string;
}): Promise<TimelineEntryDto> {
  await authorizeInIncident(ctx, "timeline.write", incidentId);
  const parsed = CompleteActionInput.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const item = Number.isInteger(seq)
    ? await db()
        .actionItem.findFirst({ where: { incidentId, seq } })
        .catch(() => null)
    : null;
  if (!item) throw notFound(`Action #${seq}`);
  return postEntry({
    ctx,
    incidentId,
    idempotencyKey,
    input: {
      kind: "action",
      amendsSeq: item.seq,
      payload: {
        what: item.what,
        owner: item.owner,
        dueAt: item.dueAt?.toISOString() ?? null,
        isDone: parsed.data.isDone,
      },
    },
  });
}
