/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // These load native bindings, WASM or worker threads from their own package folders at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    '@neondatabase/serverless',
    'ws',
    'pino',
    'prom-client',
    // Loads drizzle-orm at run time: both must be the same module instance as the app's.
    'rate-limiter-flexible',
    'drizzle-orm',
  ],
};

export default nextConfig;
