import { route } from "@/lib/http/handler";
import { transitionIncident } from "@/lib/incidents";

export const POST = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params, body }) => transitionIncident({ ctx, incidentId: params.id ?? "", input: body }),
);
