import Link from "next/link";
import { buttonClass } from "./button";

/** "Older …": the same list with the same filters, from `cursor` on. */
export function OlderLink({
  path,
  filters,
  cursor,
  children,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor: string | null;
  children: React.ReactNode;
}) {
  if (!cursor) return null;
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  params.set("cursor", cursor);
  return (
    <Link href={`${path}?${params}`} className={buttonClass("secondary")}>
      {children}
    </Link>
  );
}
