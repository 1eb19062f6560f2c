import { route } from "@/lib/http/handler";
import { archiveTemplate, updateTemplate } from "@/lib/comms";

export const PATCH = route({ auth: "user", token: "status:write" }, ({ ctx, body, params }) =>
  updateTemplate({ ctx, key: params.key ?? "", input: body }),
);

export const DELETE = route({ auth: "user", token: "status:write" }, ({ ctx, params }) =>
  archiveTemplate({ ctx, key: params.key ?? "" }),
);
