import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdapterContext } from "@/lib/providers/types";

/** A vendor-docs example, parsed. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8")) as T;
}

export const RECEIVED_AT = new Date("2026-03-01T12:00:00Z");

export function ctx(overrides: Partial<AdapterContext> = {}): AdapterContext {
  return { receivedAt: RECEIVED_AT, defaultRegion: "US", query: {}, ...overrides };
}
