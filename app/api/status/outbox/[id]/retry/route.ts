import { route } from "@/lib/http/handler";
import { retryOutboxMessage } from "@/lib/comms";

export const POST = route({ auth: "user" }, ({ ctx, params }) =>
  retryOutboxMessage({ ctx, input: { id: params.id } }),
);
