import { route } from "@/lib/http/handler";
import { postStatusUpdate } from "@/lib/comms";

export const POST = route({ auth: "user", token: "status:write" }, ({ ctx, body, params }) =>
  postStatusUpdate({ ctx, input: { ...(body as object), statusIncidentId: params.id } }),
);
