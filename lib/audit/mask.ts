// Audit entries keep before and after, but never a secret: any value under a
// key that names one is replaced (settings shown to admins already say only
// "set" or "missing" for their secrets; this catches everything else).

const SECRET_KEY = /(token|secret|password|apikey|api_key|authorization|credential)/i;
const MASK = "••••";

export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && v !== null && v !== "set" && v !== "missing" && typeof v !== "object" ? MASK : maskSecrets(v),
      ]),
    );
  }
  return value;
}
