import { requireViewer } from "@/lib/auth/session";

// Checked here as well as in the page: a layout is outside the page's loading
// boundary, so a signed-out visitor gets a real redirect, not a streamed one.
export default async function CallsLayout({ children }: { children: React.ReactNode }) {
  await requireViewer("manager", "/calls");
  return children;
}
