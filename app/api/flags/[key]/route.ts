import { route } from "@/lib/http/handler";
import { archiveFlag, getFlag, updateFlag } from "@/lib/flags";

export const GET = route({ auth: "user", token: "admin" }, ({ ctx, params }) =>
  getFlag(ctx, params.key ?? ""),
);

export const PATCH = route({ auth: "user", token: "admin" }, ({ ctx, params, body }) =>
  updateFlag({ ctx, key: params.key ?? "", input: body }),
);

export const DELETE = route({ auth: "user", token: "admin" }, ({ ctx, params }) =>
  archiveFlag({ ctx, key: params.key ?? "" }),
);
