import { randomUUID } from "node:crypto";
import { TEST_ADMIN } from "./credentials";
import { baseUrl, uniq } from "./http";
import { asUser, signInCookie } from "./session";

// People as admins add them. A new person signs in with a one-time password
// and must choose their own before anything else; `newPerson` does both, for
// tests about what people can do afterwards.

export interface Person {
  id: string;
  email: string;
  password: string;
}

/** A user as the admin created them: still on the one-time password. */
export async function newUser(role: "manager" | "admin" = "manager", prefix = "person"): Promise<Person> {
  const email = `${uniq(prefix)}@test.local`;
  const res = await asUser(TEST_ADMIN, "/api/users", { method: "POST", body: JSON.stringify({ email, name: "Test Person", role }) });
  if (res.status !== 201) throw new Error(`creating ${email} failed (${res.status})`);
  const { user, password } = (await res.json()) as { user: { id: string }; password: string };
  return { id: user.id, email, password };
}

/** A user who has signed in once and chosen their own password, as people do. */
export async function newPerson(role: "manager" | "admin" = "manager", prefix = "person"): Promise<Person> {
  const user = await newUser(role, prefix);
  const chosen = `${randomUUID()} lantern orbit`;
  const res = await fetch(`${baseUrl()}/api/account/password`, {
    method: "POST",
    headers: { cookie: await signInCookie(user), origin: baseUrl(), "content-type": "application/json" },
    body: JSON.stringify({ currentPassword: user.password, newPassword: chosen }),
  });
  if (res.status !== 200) throw new Error(`choosing a password for ${user.email} failed (${res.status}): ${await res.text()}`);
  return { ...user, password: chosen };
}
