import { route } from "@/lib/http/handler";
import { createFlag, listFlags } from "@/lib/flags";

export const GET = route({ auth: "user", token: "admin" }, ({ ctx }) => listFlags(ctx));

export const POST = route({ auth: "user", token: "admin" }, ({ ctx, body }) =>
  createFlag({ ctx, input: body }),
);
