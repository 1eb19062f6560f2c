import { route } from "@/lib/http/handler";
import { conflict } from "@/lib/errors";
import { revertFlagChange } from "@/lib/flags";

export const POST = route(
  { auth: "user", token: "admin", idempotent: true },
  async ({ ctx, params, body }) => {
    const reverted = await revertFlagChange({
      ctx,
      changeId: params.id ?? "",
      trigger: "manual",
      input: body,
    });
    if (!reverted) throw conflict("This relaxation has already ended");
    return reverted;
  },
);
