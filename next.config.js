/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel builds in one checkout (several developers or agents) each use their own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm run verify` type-checks the whole project (server.ts and tests too); skip the repeat here.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages that must not be bundled (native addons, wasm, dynamic requires).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@electric-sql/pglite"],
};

export default nextConfig;
