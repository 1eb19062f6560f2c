import { route } from "@/lib/http/handler";
import { updateUser } from "@/lib/users/manage-users";

/** Admins change a user's role or disable them (which ends their sessions and sockets now). */
export const PATCH = route({ auth: "user", token: "admin" }, ({ ctx, params, body }) =>
  updateUser({ ctx, id: params.id ?? "", input: body }),
);
