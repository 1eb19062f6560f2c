import { route } from "@/lib/http/handler";
import { relieveRole } from "@/lib/incidents";

export const DELETE = route(
  { auth: "user", token: "incidents:write", idempotent: true },
  ({ ctx, params }) =>
    relieveRole({ ctx, incidentId: params.id ?? "", input: { role: params.role } }),
);
