import { route } from "@/lib/http/handler";
import { changePassword } from "@/lib/users/manage-users";

/** Changes the caller's password; every session of theirs ends (sign in again). */
export const POST = route({ auth: "user" }, ({ ctx, body }) =>
  changePassword({ ctx, input: body }),
);
