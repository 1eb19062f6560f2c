import { route } from "@/lib/http/handler";
import { getIncident, updateIncident } from "@/lib/incidents";

export const GET = route({ auth: "user", token: "incidents:write" }, ({ ctx, params }) =>
  getIncident(ctx, params.id ?? ""),
);

export const PATCH = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params, body }) => updateIncident({ ctx, incidentId: params.id ?? "", input: body }),
);
