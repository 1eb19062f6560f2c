import { route } from "@/lib/http/handler";
import { createFlag, listFlags } from "@/lib/flags";

export const GET = route({ auth: "user" }, ({ ctx }) => listFlags(ctx));

export const POST = route({ auth: "user" }, ({ ctx, body }) => createFlag({ ctx, input: body }));
