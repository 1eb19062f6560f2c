import { route } from "@/lib/http/handler";
import { getIncident } from "@/lib/incidents";

export const GET = route({ auth: "user" }, ({ ctx, params }) => getIncident(ctx, params.id ?? ""));
