import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment can be a call id at all (anything else is simply not found). */
export const isCallId = (id: string) => UUID.test(id);

/** A path's call id: anything else is answered 404 by the route wrapper. */
export const callIdParams = z.object({ id: z.string().regex(UUID) });
