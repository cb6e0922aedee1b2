import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// Standalone output for the container image (apps/web/Dockerfile); tracing starts at the
// repository root because dependencies are hoisted into its node_modules (npm workspaces).
const config: NextConfig = {
  // npm start builds into .next, the tests into a folder of their own (scripts/lib/web-build.ts).
  distDir: process.env['WEB_BUILD_DIR'] || '.next',
  output: 'standalone',
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
