import { isUuid, uuidParams } from "@/lib/api/ids";

/** Whether a path segment can be a contact id at all (anything else is simply not found). */
export const isContactId = isUuid;

/** A path's contact id: anything else is answered 404 by the route wrapper. */
export const contactIdParams = uuidParams;
