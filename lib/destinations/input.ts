import { z } from "zod";
import { DESTINATION_KIND_IDS } from "./kinds/lookup";
import { rulesSchema } from "./rules";

// What the destinations API accepts. The config is checked against its kind's
// schema when it is sealed (manage.ts), with errors named by field.

export const destinationInput = z.object({
  kind: z.enum(DESTINATION_KIND_IDS),
  name: z.string().trim().min(1).max(100),
  config: z.record(z.string(), z.unknown()).default({}),
  rules: rulesSchema.partial().default({}),
});

export const destinationChange = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  rules: rulesSchema.partial().optional(),
});
