import { z } from "zod";
import { providerIdSchema } from "@/lib/providers/modules";

/** What POST /api/sources takes: the vendor is one the registry lists. */
export const connectSourceInput = z.object({
  name: z.string().trim().min(1).max(100),
  provider: providerIdSchema,
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "lowercase letters, digits and dashes")
    .optional(),
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, "two capital letters, e.g. US")
    .optional(),
});
