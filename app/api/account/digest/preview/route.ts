import { apiRoute } from "@/lib/api/route";
import { previewDigest } from "@/lib/digests/preview";

// The digest as it would go now (the saved settings, or the defaults): the
// email's subject, HTML and text. The page shows the HTML in a sandboxed frame.
export const GET = apiRoute({ auth: "user" }, async ({ principal }) => previewDigest(principal.id));
