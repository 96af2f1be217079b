// What can go wrong in the product, said once. Library code throws these with
// a title and a sentence for people; the API's route wrapper (lib/api/route.ts)
// is the one place that turns each kind into its HTTP answer, so no library
// function knows about status codes.

export type ErrorKind =
  /** No such thing (or none this caller may see). */
  | "not_found"
  /** It exists, but the change clashes with its state (a name taken, the last admin, switched off). */
  | "conflict"
  /** What was sent cannot be used (a wrong password, an unknown zone, settings that do not fit). */
  | "invalid"
  /** Credentials that were good are not any more (an expired or suspended key). */
  | "unauthorized"
  /** Allowed in general, refused here (a storage bucket outside the source's own). */
  | "refused"
  /** It was here and was deleted on purpose (a recording past the retention setting). */
  | "gone"
  /** Too many tries for now. */
  | "too_many"
  /** Something this app relies on is not set up (no key to store secrets with). */
  | "unavailable"
  /** A vendor's server or storage answered badly or not at all. */
  | "upstream";

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly title: string,
    detail: string,
    /** More to tell programs, such as `errors` per field. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** The usual "no X has the id Y". */
export const notFound = (thing: string, id: string) => new DomainError("not_found", "Not found", `No ${thing} has the id "${id}".`);
