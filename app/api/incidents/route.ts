import { route } from "@/lib/http/handler";
import { declareIncident, listIncidents, ListIncidentsQuery } from "@/lib/incidents";

export const GET = route(
  { auth: "user", token: "incidents:write", query: ListIncidentsQuery },
  ({ ctx, query }) => listIncidents(ctx, query),
);

export const POST = route({ auth: "user", token: "incidents:write" }, ({ ctx, body }) =>
  declareIncident({ ctx, input: body }),
);
