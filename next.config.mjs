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
  ],
};

export default nextConfig;
