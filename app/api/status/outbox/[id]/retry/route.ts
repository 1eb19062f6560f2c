import { route } from "@/lib/http/handler";
import { retryOutboxMessage } from "@/lib/comms";

export const POST = route({ auth: "user", token: "admin" }, ({ ctx, params }) =>
  retryOutboxMessage({ ctx, input: { id: params.id } }),
);
