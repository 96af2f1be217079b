import { db, Prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { isCallId } from "@/lib/calls/ids";
import type { FollowUpAction } from "./schemas";

// What a manager does to a follow-up. "Done" is the same handled flag as Hot
// leads, so the two lists always agree.

const notFound = (callId: string) => new DomainError("not_found", "Not found", `No call has the id "${callId}".`);

/** The call's follow-up fields after the change, for the answer and the audit log. */
const STATE = { id: true, handledAt: true, snoozedUntil: true, assigneeId: true, followUpNote: true } as const;

export type FollowUpState = Prisma.CallGetPayload<{ select: typeof STATE }>;

export async function applyFollowUpAction(callId: string, action: FollowUpAction, actorId: string): Promise<{ before: FollowUpState; after: FollowUpState }> {
  if (!isCallId(callId)) throw notFound(callId);
  const before = await db.call.findUnique({ where: { id: callId }, select: { ...STATE, contactId: true, startedAt: true } });
  if (!before) throw notFound(callId);

  switch (action.action) {
    case "done": {
      const now = new Date();
      // Done is for the customer: their older open follow-ups close with it, so none of them resurfaces later.
      await db.$transaction([
        db.call.update({ where: { id: callId }, data: { handledAt: now, handledBy: actorId, snoozedUntil: null } }),
        ...(before.contactId
          ? [
              db.$executeRaw`
                UPDATE calls SET handled_at = ${now}::timestamptz, handled_by = ${actorId}::uuid, snoozed_until = NULL
                WHERE contact_id = ${before.contactId}::uuid AND started_at < ${before.startedAt}::timestamptz
                  AND NOT is_test AND handled_at IS NULL AND (callback_at IS NOT NULL OR is_hot OR next_action IS NOT NULL)`,
            ]
          : []),
      ]);
      break;
    }
    case "reopen":
      await db.call.update({ where: { id: callId }, data: { handledAt: null, handledBy: null } });
      break;
    case "snooze":
      await db.call.update({ where: { id: callId }, data: { snoozedUntil: new Date(action.until), handledAt: null, handledBy: null } });
      break;
    case "assign": {
      if (action.userId && !(await db.user.findFirst({ where: { id: action.userId, active: true }, select: { id: true } }))) {
        throw new DomainError("invalid", "No such person", "Choose someone from the list; that person is not an active user.");
      }
      await db.call.update({ where: { id: callId }, data: { assigneeId: action.userId } });
      break;
    }
    case "note":
      await db.call.update({
        where: { id: callId },
        data: action.text
          ? { followUpNote: action.text, followUpNoteBy: actorId, followUpNoteAt: new Date() }
          : { followUpNote: null, followUpNoteBy: null, followUpNoteAt: null },
      });
      break;
  }
  const after = await db.call.findUniqueOrThrow({ where: { id: callId }, select: STATE });
  const { contactId: _c, startedAt: _s, ...beforeState } = before;
  return { before: beforeState, after };
}

/** The people a follow-up can be assigned to. */
export async function assignableUsers(): Promise<{ id: string; name: string }[]> {
  const users = await db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email }));
}
