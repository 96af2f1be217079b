import { apiRoute } from "@/lib/api/route";
import { jobStats } from "@/lib/jobs/stats";

// The job queue at a glance (admins): counts per queue and the latest failures.
export const GET = apiRoute({ auth: "admin" }, async () => jobStats());
