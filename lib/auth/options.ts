import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { MAX_PASSWORD_LENGTH } from "./password-limits";

// Email and password sign-in; sessions are signed JWT cookies that carry the
// user's id, role and session version. Every page and handler re-reads the
// user (lib/auth/session), so a deactivation, a role change, a new password
// or "sign out everywhere" ends the sessions issued before it at once.
// Throttling and the body limit sit in front (lib/auth/throttled-sign-in).

// Unknown and deactivated accounts are checked against this hash as well, so
// that the answer takes as long whether or not an account exists.
let dummyHash: Promise<string> | undefined;
const stranger = () => (dummyHash ??= hash(randomBytes(16).toString("hex")));

/** The user behind an email and password, or null; as slow for an unknown email as for a known one. */
async function checkPassword(credentials: Record<string, unknown> | undefined) {
  const email = typeof credentials?.email === "string" ? credentials.email.trim().toLowerCase() : "";
  const password = typeof credentials?.password === "string" ? credentials.password.slice(0, MAX_PASSWORD_LENGTH) : "";
  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
      })
    : null;
  const matches = await verify(user?.passwordHash ?? (await stranger()), password).catch(() => false);
  if (!user?.active || !matches || !password) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        // next-auth shows an error thrown here to the client: say only "no", and log why.
        try {
          return await checkPassword(credentials);
        } catch (err) {
          logger.error({ err }, "sign-in check failed");
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, sv: token.sv } };
    },
  },
};
