import { z } from "zod";
import { VIEW_PAGES } from "./filters";
import { MAX_VIEW_QUERY, viewQueryOf } from "./query";

// What people send to save a view (POST /api/views) or change one (PATCH
// /api/views/{id}). The query's filters are checked against the page's filter
// schema by lib/views/manage.ts, which knows the page a change keeps.

export const MAX_VIEW_NAME = 80;

const fields = {
  name: z.string().trim().min(1, "A view needs a name.").max(MAX_VIEW_NAME, `A view's name can have at most ${MAX_VIEW_NAME} characters.`),
  page: z.enum(VIEW_PAGES),
  /** The page's query string ("?status=completed&sort=score" or without the "?"). */
  query: z
    .string()
    .max(MAX_VIEW_QUERY, `The view's filters can take at most ${MAX_VIEW_QUERY} characters.`)
    .transform((q) => viewQueryOf(q.replace(/^\?/, ""))),
  shared: z.boolean(),
};

export const viewInput = z.object({ ...fields, query: fields.query.default(""), shared: fields.shared.default(false) }).strict();
export type ViewInput = z.output<typeof viewInput>;

export const viewChange = z
  .object(fields)
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "Nothing to change." });
export type ViewChange = z.output<typeof viewChange>;
