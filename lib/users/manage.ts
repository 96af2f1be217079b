import { hash } from "@node-rs/argon2";
import { db, type Prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { newSecret } from "@/lib/security/secrets";

// People who sign in. Admins create them (with a one-time password to pass
// on, which they replace at their first sign-in), change roles, deactivate and
// reactivate them; a change that would leave no active admin is refused. A
// deactivation, a role change or a new password ends the user's sessions at
// once (their session version is raised; sessions re-read it on every request).

export const userSelect = { id: true, email: true, name: true, role: true, active: true, createdAt: true } satisfies Prisma.UserSelect;
export type UserView = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function listUsers(): Promise<UserView[]> {
  return db.user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }], select: userSelect });
}

const oneTimePassword = () => newSecret("", 12);

export async function createUser(input: { email: string; name?: string | null; role: "admin" | "manager" }): Promise<{ user: UserView; password: string }> {
  const password = oneTimePassword();
  try {
    const user = await db.user.create({
      data: { email: input.email.toLowerCase(), name: input.name || null, role: input.role, passwordHash: await hash(password), mustChangePassword: true },
      select: userSelect,
    });
    return { user, password };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("conflict", "Email taken", `A user with the email ${input.email} exists already.`);
    throw e;
  }
}

/** Changes a user; refuses to leave the app without an active admin. Returns the user before and after. */
export async function updateUser(id: string, change: { role?: "admin" | "manager"; active?: boolean; name?: string | null }) {
  return db.$transaction(async (tx) => {
    // One change to admins at a time, so two admins demoting each other cannot both succeed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('users:admins', 0))`;
    const before = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!before) throw new DomainError("not_found", "Not found", `No user has the id "${id}".`);
    // A new role or a deactivation ends the sessions issued before it.
    const endsSessions = (change.role !== undefined && change.role !== before.role) || change.active === false;
    const after = await tx.user.update({
      where: { id },
      data: { ...change, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) },
      select: userSelect,
    });
    const admins = await tx.user.count({ where: { role: "admin", active: true } });
    if (admins === 0) throw new DomainError("conflict", "Last admin", "This would leave no active admin: make someone else an admin first.");
    return { before, after };
  });
}

/** A new one-time password for a user who lost theirs. */
export async function resetPassword(id: string): Promise<{ user: UserView; password: string }> {
  const password = oneTimePassword();
  const user = await db.user
    .update({ where: { id }, data: { passwordHash: await hash(password), mustChangePassword: true, sessionVersion: { increment: 1 } }, select: userSelect })
    .catch(() => {
      throw new DomainError("not_found", "Not found", `No user has the id "${id}".`);
    });
  return { user, password };
}
