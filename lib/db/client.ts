import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { pool } from "./pool";

// One client per process: Next.js reloads modules in development, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(pool);
  return new PrismaClient({
    adapter,
    // Hashes of secrets never leave the data layer unless a query asks for them.
    omit: { user: { passwordHash: true }, source: { secretHash: true, previousSecretHash: true }, apiKey: { keyHash: true } },
  });
}

export const db: PrismaClient = (globalForPrisma.prisma ??= createClient());
export { Prisma } from "./generated/client";
