import { route } from "@/lib/http/handler";
import { listUsersForAdmin } from "@/lib/users/manage-users";

/** Every user, disabled ones included, for the admin Users page. */
export const GET = route({ auth: "user", token: "admin" }, ({ ctx }) => listUsersForAdmin(ctx));
