import { apiRoute } from "@/lib/api/route";
import { listSourceHealth } from "@/lib/sources/health";

// Every source with its health (admins).
export const GET = apiRoute({ auth: "admin" }, async () => ({ sources: await listSourceHealth() }));
