import { isUuid, uuidParams } from "@/lib/api/ids";

/** Whether a path segment can be a call id at all (anything else is simply not found). */
export const isCallId = isUuid;

/** A path's call id: anything else is answered 404 by the route wrapper. */
export const callIdParams = uuidParams;
