import { route } from "@/lib/http/handler";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const DELETE = route({ auth: "user", token: "admin" }, ({ ctx, params }) =>
  revokeApiToken({ ctx, id: params.id ?? "" }),
);
