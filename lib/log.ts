import pino from "pino";

// Structured logs. Secrets are redacted wherever they might appear by name.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["*.secret", "*.token", "*.password", "*.apiKey", "*.authorization", "headers.authorization", "headers.cookie"],
    censor: "[redacted]",
  },
});
