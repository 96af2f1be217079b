/** The first thing a keyboard reaches: straight past the header to the page's content. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to content
    </a>
  );
}
