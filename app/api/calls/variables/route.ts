import { apiRoute } from "@/lib/api/route";
import { variableKeys } from "@/lib/calls/variables/keys";

// GET /api/calls/variables: the variable keys sources have sent, with what their values read as, for `var.<key>.<op>` filters.
export const GET = apiRoute({ auth: "reader" }, async () => variableKeys());
