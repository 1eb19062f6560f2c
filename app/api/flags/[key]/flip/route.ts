import { route } from "@/lib/http/handler";
import { flipFlag } from "@/lib/flags";

/** Version-checked flip: 409 with the current flag when expectedVersion is stale. */
export const POST = route(
  { auth: "user", token: "admin", idempotent: true },
  ({ ctx, params, body }) => flipFlag({ ctx, key: params.key ?? "", input: body }),
);
