import { db } from "./client";

/** Throws unless the database answers a trivial query (the health check's question). */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
