import { route } from "@/lib/http/handler";
import { listStatusIncidents, ListStatusIncidentsQuery, publishIncident } from "@/lib/comms";

export const GET = route(
  { auth: "user", token: "status:write", query: ListStatusIncidentsQuery },
  ({ ctx, query }) => listStatusIncidents(ctx, query),
);

export const POST = route({ auth: "user", token: "status:write" }, ({ ctx, body }) =>
  publishIncident({ ctx, input: body }),
);
