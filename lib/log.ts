import pino from "pino";

// Structured logs (LOG_LEVEL, default info). Secrets are redacted wherever
// they might appear by name. Read apart from lib/env so that logging works
// before the environment is validated.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["*.secret", "*.token", "*.password", "*.apiKey", "*.authorization", "headers.authorization", "headers.cookie"],
    censor: "[redacted]",
  },
});
