import { route } from "@/lib/http/handler";
import { inviteUser, listInvites } from "@/lib/users/invites";

export const GET = route({ auth: "user", token: "admin" }, ({ ctx }) => listInvites(ctx));

/** The response carries the invite link: the only time its secret is shown. */
export const POST = route({ auth: "user", token: "admin" }, ({ ctx, body }) =>
  inviteUser({ ctx, input: body }),
);
