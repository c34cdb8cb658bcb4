// Vite build: Preact, a strict Content-Security-Policy on the built site, and Vitest settings.
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Origins a user may switch on at run time (optional background map, OpenStreetMap
 * Overpass, PDOK Locatieserver). Everything else is same-origin only.
 */
const optionalOnlineOrigins = [
  'https://service.pdok.nl',
  'https://api.pdok.nl',
  'https://overpass-api.de',
];

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "child-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: " + optionalOnlineOrigins.join(' '),
  "connect-src 'self' " + optionalOnlineOrigins.join(' '),
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the CSP meta tag to the production build only (the dev server injects inline scripts). */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [preact(), contentSecurityPolicyPlugin()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
