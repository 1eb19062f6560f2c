import { route } from "@/lib/http/handler";
import { listUsers } from "@/lib/users/list-users";

export const GET = route({ auth: "user", token: "incidents:write" }, ({ ctx }) => listUsers(ctx));
