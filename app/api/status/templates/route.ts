import { route } from "@/lib/http/handler";
import { listTemplates } from "@/lib/comms";

export const GET = route({ auth: "user" }, ({ ctx }) => listTemplates(ctx));
