import { apiRoute } from "@/lib/api/route";
import { auditQuerySchema, listAudit } from "@/lib/audit/log";

// The audit log (admins): ?action=source.update&actor=email&cursor=…&limit=50.
export const GET = apiRoute({ auth: "admin", query: auditQuerySchema }, async ({ query }) => listAudit(query));
