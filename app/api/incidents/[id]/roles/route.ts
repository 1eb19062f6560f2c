import { route } from "@/lib/http/handler";
import { assignRole } from "@/lib/incidents";

export const POST = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params, body }) => assignRole({ ctx, incidentId: params.id ?? "", input: body }),
);
