import { route } from "@/lib/http/handler";
import { listDecisions } from "@/lib/incidents";

export const GET = route({ auth: "user", token: "incidents:write" }, ({ ctx, params }) =>
  listDecisions(ctx, params.id ?? ""),
);
