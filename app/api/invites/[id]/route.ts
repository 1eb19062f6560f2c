import { route } from "@/lib/http/handler";
import { revokeInvite } from "@/lib/users/invites";

export const DELETE = route({ auth: "user", token: "admin" }, ({ ctx, params }) =>
  revokeInvite({ ctx, id: params.id ?? "" }),
);
