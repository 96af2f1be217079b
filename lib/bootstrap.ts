import { hash, verify } from "@node-rs/argon2";
import { createApiKey } from "@/lib/auth/api-key";
import { forgetSignInFailures } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PROVIDER_IDS, PROVIDER_NAMES } from "@/lib/providers/lookup";
import { newSecret, sha256 } from "@/lib/security/secrets";

// What a new installation needs: an admin, one source per vendor, an API key.
// Values come from the environment, or are generated and reported once.

export interface BootstrapReport {
  /** Credentials created now, to print once: they cannot be shown again. */
  created: { label: string; value: string }[];
  adminEmail: string;
}

export async function bootstrap(environment: Record<string, string | undefined> = process.env): Promise<BootstrapReport> {
  const created: BootstrapReport["created"] = [];
  const adminEmail = (environment.ADMIN_EMAIL ?? "admin@example.com").toLowerCase();

  // An empty ADMIN_PASSWORD is no password: one is generated, as when it is unset.
  const adminPassword = environment.ADMIN_PASSWORD || undefined;
  const admin = await db.user.findUnique({ where: { email: adminEmail }, select: { passwordHash: true, active: true, role: true } });
  const samePassword = admin && adminPassword && (await verify(admin.passwordHash, adminPassword).catch(() => false));
  if (!admin || (adminPassword && !samePassword)) {
    // ADMIN_PASSWORD also resets the admin's password on start: the way back in.
    const password = adminPassword ?? newSecret("", 12);
    const passwordHash = await hash(password);
    // A generated password is shown once in a terminal: its admin chooses their own at the first sign-in.
    const mustChangePassword = !adminPassword;
    await db.user.upsert({
      where: { email: adminEmail },
      create: { email: adminEmail, name: "Admin", role: "admin", passwordHash, mustChangePassword },
      update: { passwordHash, active: true, role: "admin", mustChangePassword, sessionVersion: { increment: 1 } },
    });
    if (!adminPassword) created.push({ label: `Admin password (${adminEmail})`, value: password });
    await forgetSignInFailures(adminEmail);
  } else if (samePassword && (!admin.active || admin.role !== "admin")) {
    // ADMIN_PASSWORD is the way back in, also for an admin who was deactivated or demoted.
    await db.user.update({ where: { email: adminEmail }, data: { active: true, role: "admin" } });
    await forgetSignInFailures(adminEmail);
  }

  const existing = new Set((await db.source.findMany({ select: { slug: true } })).map((s) => s.slug));
  const missing = PROVIDER_IDS.filter((id) => !existing.has(id));
  // One secret per source, so that a secret leaked by one vendor opens no
  // other's webhook; WEBHOOK_SECRET, when set, is shared (scripts and tests).
  const secrets = missing.map((id) => ({ id, secret: environment.WEBHOOK_SECRET ?? newSecret("whsec_") }));
  if (secrets.length > 0) {
    await db.source.createMany({
      data: secrets.map(({ id, secret }) => ({
        slug: id,
        name: PROVIDER_NAMES[id],
        provider: id,
        secretHash: sha256(secret),
        defaultRegion: env().DEFAULT_PHONE_REGION,
      })),
    });
    if (!environment.WEBHOOK_SECRET) created.push(...secrets.map(({ id, secret }) => ({ label: `Webhook secret of ${id}`, value: secret })));
  }

  const bootstrapKey = environment.BOOTSTRAP_API_KEY;
  if (bootstrapKey) {
    const known = await db.apiKey.findUnique({ where: { keyHash: sha256(bootstrapKey) }, select: { id: true } });
    if (!known) await createApiKey("bootstrap", { plainKey: bootstrapKey });
  } else if ((await db.apiKey.count()) === 0) {
    const key = await createApiKey("bootstrap");
    created.push({ label: "API key (read API)", value: key.plainKey });
  }

  return { created, adminEmail };
}
