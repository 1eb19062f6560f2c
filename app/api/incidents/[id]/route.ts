import { route } from "@/lib/http/handler";
import { getIncident, updateIncident } from "@/lib/incidents";

export const GET = route({ auth: "user" }, ({ ctx, params }) => getIncident(ctx, params.id ?? ""));

export const PATCH = route({ auth: "user", idempotent: true }, ({ ctx, params, body }) =>
  updateIncident({ ctx, incidentId: params.id ?? "", input: body }),
);
