// Bounds on what admins may define and on what a call keeps, shared by the
// API's schema, the matcher and the admin form (no zod here: the form imports it).

export const TRACKER_SPEAKERS = ["any", "agent", "customer"] as const;
export type TrackerSpeaker = (typeof TRACKER_SPEAKERS)[number];

export const MAX_TRACKERS = 100;
export const MAX_TRACKER_NAME = 60;
export const MAX_PHRASES = 50;
export const MAX_PHRASE_LENGTH = 100;
/** Words in one phrase: matching looks this far ahead from each word of a turn. */
export const MAX_PHRASE_WORDS = 8;
export const MIN_POINTS = -50;
export const MAX_POINTS = 50;

/** Hits kept per tracker and call (hit_count still counts them all). */
export const MAX_HITS_KEPT = 20;
/** A hit's quote: at most this many characters of its turn, around the match. */
export const HIT_TEXT_CHARS = 300;
