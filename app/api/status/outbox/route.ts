import { route } from "@/lib/http/handler";
import { listOutbox } from "@/lib/comms";

export const GET = route({ auth: "user", token: "admin" }, ({ ctx }) => listOutbox(ctx));
