import { hash, verify } from "@node-rs/argon2";
import { DomainError } from "@/lib/errors";
import { passwordProblem } from "@/lib/auth/password-policy";
import { beginSignIn } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/client";

// What people do to their own account: choose a new password (which ends all
// their other sessions) and sign out everywhere.

/** `address` is the client's: checking the current password is throttled like a sign-in, or a stolen session could guess it. */
export async function changeOwnPassword(userId: string, current: string, next: string, address: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new DomainError("not_found", "Not found", "Your account no longer exists.");
  const attempt = await beginSignIn(user.email, address);
  if (attempt.wait > 0) throw new DomainError("too_many", "Too many attempts", `Too many wrong passwords: try again in ${attempt.wait} seconds.`);
  if (!(await verify(user.passwordHash, current).catch(() => false))) {
    await attempt.failed();
    throw new DomainError("invalid", "Wrong password", "Your current password is not right.");
  }
  await attempt.void();
  if (next === current) throw new DomainError("invalid", "Same password", "Choose a password different from the current one.");
  const problem = passwordProblem(next, [user.email, user.name ?? ""]);
  if (problem) throw new DomainError("invalid", "Weak password", problem);
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hash(next), mustChangePassword: false, sessionVersion: { increment: 1 } },
  });
}

/** Ends every session of the user, this one included. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
