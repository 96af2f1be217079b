import { z } from "zod";

// What the follow-ups API takes. Messages are written for people: the page
// shows them as they are.

export const FOLLOW_UP_VIEWS = ["open", "snoozed", "done"] as const;
export const ASSIGNEE_FILTERS = ["me", "unassigned", "all"] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

export const NOTE_MAX = 1000;

export const followUpQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  assignee: z.enum(ASSIGNEE_FILTERS, { error: "Choose whose follow-ups to show: me, unassigned or all." }).default("all"),
  view: z.enum(FOLLOW_UP_VIEWS, { error: "Choose a view: open, snoozed or done." }).default("open"),
  limit: z.coerce.number({ error: "The page size must be a number." }).int().min(1).max(100, "Ask for at most 100 at a time.").default(25),
});
export type FollowUpQuery = z.infer<typeof followUpQuerySchema>;

const future = z.iso
  .datetime({ offset: true, error: "Choose a date and time to snooze until." })
  .refine((v) => Date.parse(v) > Date.now() - 60_000, { error: "Choose a time that is still ahead." })
  // A year is the longest snooze: past that a follow-up would be hidden for good.
  .refine((v) => Date.parse(v) < Date.now() + 366 * 86_400_000, { error: "Snooze for at most a year." });

export const followUpActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("done") }),
    z.object({ action: z.literal("reopen") }),
    z.object({ action: z.literal("snooze"), until: future }),
    z.object({ action: z.literal("assign"), userId: z.uuid({ error: "Choose someone from the list." }).nullable() }),
    z.object({
      action: z.literal("note"),
      text: z.string({ error: "Write a note." }).trim().max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`),
    }),
  ],
  { error: "Choose what to do: done, reopen, snooze, assign or note." },
);
export type FollowUpAction = z.infer<typeof followUpActionSchema>;
