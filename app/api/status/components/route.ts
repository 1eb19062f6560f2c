import { route } from "@/lib/http/handler";
import { createComponent, listComponents } from "@/lib/status";

export const GET = route({ auth: "user", token: "status:write" }, ({ ctx }) => listComponents(ctx));

export const POST = route({ auth: "user", token: "status:write" }, ({ ctx, body }) =>
  createComponent({ ctx, input: body }),
);
