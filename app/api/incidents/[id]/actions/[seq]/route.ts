import { route } from "@/lib/http/handler";
import { completeAction } from "@/lib/timeline";

export const POST = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params, body, idempotencyKey }) =>
    completeAction({
      ctx,
      incidentId: params.id ?? "",
      seq: Number(params.seq),
      input: body,
      idempotencyKey,
    }),
);
