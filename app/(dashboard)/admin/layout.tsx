import { AdminNav } from "@/components/layout/admin-nav";
import { getViewer } from "@/lib/auth/session";

// Admin pages share their tabs. Each page still checks the role itself; the
// tabs only show to admins.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      {viewer?.role === "admin" && <AdminNav />}
      {children}
    </>
  );
}
