import { route } from "@/lib/http/handler";
import { listActions } from "@/lib/incidents";

export const GET = route({ auth: "user" }, ({ ctx, params }) => listActions(ctx, params.id ?? ""));
