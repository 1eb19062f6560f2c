import { route } from "@/lib/http/handler";
import { archiveFlag, getFlag, updateFlag } from "@/lib/flags";

export const GET = route({ auth: "user" }, ({ ctx, params }) => getFlag(ctx, params.key ?? ""));

export const PATCH = route({ auth: "user" }, ({ ctx, params, body }) =>
  updateFlag({ ctx, key: params.key ?? "", input: body }),
);

export const DELETE = route({ auth: "user" }, ({ ctx, params }) =>
  archiveFlag({ ctx, key: params.key ?? "" }),
);
