import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";

// The overview with KPIs and charts comes next; until then the calls are home.
export default async function Home() {
  await requireViewer();
  redirect("/calls");
}
