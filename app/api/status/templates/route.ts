import { route } from "@/lib/http/handler";
import { createTemplate, listTemplates } from "@/lib/comms";

export const GET = route({ auth: "user", token: "status:write" }, ({ ctx }) => listTemplates(ctx));

export const POST = route({ auth: "user", token: "status:write" }, ({ ctx, body }) =>
  createTemplate({ ctx, input: body }),
);
