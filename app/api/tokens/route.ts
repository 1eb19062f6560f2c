import { route } from "@/lib/http/handler";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";

export const GET = route({ auth: "user", token: "admin" }, ({ ctx }) => listApiTokens(ctx));

/** The response carries the secret: the only time it is ever shown. */
export const POST = route({ auth: "user", token: "admin" }, ({ ctx, body }) =>
  createApiToken({ ctx, input: body }),
);
