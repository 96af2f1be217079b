import { secretMatches, sha256 } from "@/lib/security/secrets";
import { problem } from "./problem";

// /api/cron/* is for external schedulers (Vercel Cron, a crontab with curl):
// CRON_SECRET as `Authorization: Bearer`, in a header only, so it never lands
// in access logs with the URL. Compared in constant time.

/** A refusal, or null when the request carries the cron secret. */
export function cronRefusal(request: Request): Response | null {
  const secret = process.env.CRON_SECRET;
  if (!secret) return problem(503, "Cron not configured", "Set CRON_SECRET on the server to call scheduled work from outside.");
  const auth = request.headers.get("authorization") ?? "";
  const presented = auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : "";
  if (!presented) return problem(401, "Missing secret", "Send CRON_SECRET as Authorization: Bearer <secret>.");
  if (!secretMatches(presented, sha256(secret))) return problem(401, "Bad secret", "The bearer token is not CRON_SECRET.");
  return null;
}
