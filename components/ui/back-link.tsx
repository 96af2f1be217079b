import Link from "next/link";

/** "← Sources": back to the list a detail page belongs to. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-sm text-indigo-700 hover:underline">
      ← {children}
    </Link>
  );
}
