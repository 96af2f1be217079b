import { apiRoute } from "@/lib/api/route";
import { listAlerts } from "@/lib/alerts/history";
import { alertsQuery } from "@/lib/alerts/schemas";

// Metric alert history, newest first, by cursor; ?open=true for the open ones. Managers see their own rules' alerts, admins all.
export const GET = apiRoute({ auth: "user", query: alertsQuery }, async ({ principal, query }) => listAlerts(principal, query));
