import { z } from "zod";
import { route } from "@/lib/http/handler";
import { getIncident } from "@/lib/incidents";
import { listEntriesAfter, postEntry } from "@/lib/timeline";

const Query = z.object({
  after: z.coerce.number().int().min(0, "after must be 0 or more").default(0),
});

export const GET = route(
  { auth: "user", token: "incidents:write", query: Query },
  async ({ ctx, params, query }) => {
    const incident = await getIncident(ctx, params.id ?? "");
    return listEntriesAfter(ctx, incident.id, query.after);
  },
);

export const POST = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params, body, idempotencyKey }) =>
    postEntry({ ctx, incidentId: params.id ?? "", input: body, idempotencyKey }),
);
