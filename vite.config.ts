// Vite build: Preact, a strict Content-Security-Policy on the built site, and Vitest settings.
import type { Plugin } from 'vite';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Origins a user may switch on at run time (optional background map, OpenStreetMap
 * Overpass, PDOK Locatieserver). Everything else is same-origin only.
 */
const optionalOnlineOrigins = [
  'https://service.pdok.nl',
  'https://api.pdok.nl',
  'https://overpass-api.de',
];
/** Of those, the only one that serves images: the PDOK background map tiles. */
const optionalImageOrigins = ['https://service.pdok.nl'];

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "child-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: " + optionalImageOrigins.join(' '),
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

const geoDirectory = resolve(import.meta.dirname, 'geo');
const geoDataExtensions = ['.json', '.geojson', '.csv'];

function listGeoDataFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return listGeoDataFiles(path);
    return geoDataExtensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

/**
 * Serves the embedded datasets in geo/ under /geo/ (dev server) and copies them into the build,
 * so the app loads and validates them at run time like any other dataset.
 */
function geoDataPlugin(): Plugin {
  return {
    name: 'geo-data',
    configureServer(server) {
      server.middlewares.use('/geo/', (request, response, next) => {
        const requested = resolve(geoDirectory, decodeURIComponent((request.url ?? '').split('?')[0]!.replace(/^\//, '')));
        if (!requested.startsWith(geoDirectory + sep) || !existsSync(requested) || statSync(requested).isDirectory()) return next();
        response.setHeader('Content-Type', requested.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json');
        response.end(readFileSync(requested));
      });
    },
    generateBundle() {
      for (const path of listGeoDataFiles(geoDirectory)) {
        const fileName = 'geo/' + relative(geoDirectory, path).split(sep).join('/');
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      }
    },
  };
}

/**
 * Which build this is: the package version plus a build id (the build time unless APP_BUILD_ID is
 * set). Set on <html data-app-version> so a planner or a test can tell which version a page runs.
 */
const packageVersion = (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version;
const appVersion = `${packageVersion}+${process.env['APP_BUILD_ID'] ?? new Date().toISOString()}`;

/**
 * The service worker (Workbox, through vite-plugin-pwa): precaches the app shell, code, workers and
 * every embedded dataset in geo/, so the app starts offline after one visit. Nothing else is cached:
 * the optional online services (PDOK background map and Locatieserver, Overpass) always go to the
 * network and say so when it is not there. Updates wait for the planner (src/stores/appUpdate.ts).
 */
function serviceWorkerPlugin() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // registered by src/stores/appUpdate.ts
    includeManifestIcons: false, // public/ is precached whole by globPatterns below
    manifest: {
      name: 'Woonzorgkaart Overijssel',
      short_name: 'Woonzorgkaart',
      description: 'Kaart voor het plannen van wonen en zorg voor ouderen in Overijssel',
      lang: 'nl',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#154273',
      background_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // The web app manifest is added by the plugin itself (listing it here too would list it twice).
      // wasm: the HiGHS solver of the Locatiezoeker, so it also runs offline.
      globPatterns: ['**/*.{html,js,css,svg,png,json,geojson,csv,wasm}'],
      // The largest embedded GeoJSON and the map library chunk are well under this; the build fails
      // rather than silently leaving a file out of the precache (see README, "Offline use").
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/geo\//],
      cleanupOutdatedCaches: true,
      // The first visit is offline-ready without a reload; a later version still waits (no skipWaiting).
      clientsClaim: true,
      // Only same-origin files are precached; no runtime caching of the optional online services.
      runtimeCaching: [],
    },
  });
}

export default defineConfig({
  plugins: [preact(), contentSecurityPolicyPlugin(), geoDataPlugin(), serviceWorkerPlugin()],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Worker threads start faster than forked processes: 68 s instead of 106 s for the unit suite on 2 cores.
    pool: 'threads',
  },
});
