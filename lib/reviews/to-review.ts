import { Prisma } from "@/lib/db/client";

// Which calls a reviewer should look at first: the hot leads (a wrong "hot"
// sends a salesperson after nobody) and the connected calls whose analysis the
// AI itself was unsure of (no outcome it could name, or mixed feelings), that
// nobody has reviewed yet. Test calls are not worth a reviewer's time.

export const LOW_CONFIDENCE = Prisma.sql`(c.status = 'completed' AND (c.ai_outcome IS NULL OR c.ai_outcome = 'other' OR c.ai_sentiment = 'mixed'))`;

export const TO_REVIEW = Prisma.sql`(c.reviewed_at IS NULL AND NOT c.is_test AND (c.is_hot OR ${LOW_CONFIDENCE}))`;

export const CORRECTED = Prisma.sql`(c.outcome_override IS NOT NULL OR c.sentiment_override IS NOT NULL OR c.hot_override IS NOT NULL)`;
