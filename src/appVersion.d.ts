// Set by vite.config.ts (define): package version + build id of this build.
declare const __APP_VERSION__: string;
