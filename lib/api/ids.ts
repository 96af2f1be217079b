import { z } from "zod";

// Every table keys its rows by a uuid (prisma/schema.prisma), so one shape
// fits every id in a path. Anything else names nothing that can exist.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment can be a row's id at all (anything else is simply not found). */
export const isUuid = (id: string) => UUID.test(id);

/** A path's `id` segment: anything but a uuid is answered 404 by the route wrapper (give the spec a `resource`). */
export const uuidParams = z.object({ id: z.string().regex(UUID) });
