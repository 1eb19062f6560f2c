import { route } from "@/lib/http/handler";
import { deleteComponent, updateComponent } from "@/lib/status";

export const PATCH = route({ auth: "user", token: "status:write" }, ({ ctx, body, params }) =>
  updateComponent({ ctx, input: { ...(body as object), id: params.id } }),
);

export const DELETE = route({ auth: "user", token: "status:write" }, ({ ctx, params }) =>
  deleteComponent({ ctx, input: { id: params.id } }),
);
