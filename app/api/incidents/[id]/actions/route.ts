import { route } from "@/lib/http/handler";
import { listActions } from "@/lib/incidents";

export const GET = route({ auth: "user", token: "incidents:write" }, ({ ctx, params }) =>
  listActions(ctx, params.id ?? ""),
);
