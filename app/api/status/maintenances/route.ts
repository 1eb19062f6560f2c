import { route } from "@/lib/http/handler";
import { scheduleMaintenance } from "@/lib/status";

export const POST = route({ auth: "user", token: "status:write" }, ({ ctx, body }) =>
  scheduleMaintenance({ ctx, input: body }),
);
