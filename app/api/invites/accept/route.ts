import { route } from "@/lib/http/handler";
import { consume } from "@/lib/http/rate-limit";
import { acceptInvite } from "@/lib/users/invites";

/** Public: the invited person sets a first password. Guessing is rate limited per client IP. */
export const POST = route({ auth: "public" }, async ({ ctx, body }) => {
  await consume("signinIp", ctx.ip ?? "unknown");
  return acceptInvite({ ctx, input: body });
});
