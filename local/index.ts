/**
 * @msp-audit-ready/forge-local: a Forge app on a laptop (README.md in this folder).
 * - `./jira`: the in-memory Jira Cloud emulator and its Fastify routes.
 * - `./forge`: the Forge runtime that runs the app's real handlers with the real @forge/* packages.
 * - `./server`: both behind one HTTP server with the Jira-like host pages (what `npm start` runs).
 * - `./testing`: an emulator on a small fixture manifest and terse REST callers, for tests.
 * Import a subpath when you need only one part (the emulator alone loads no HTTP server).
 */
export * from './jira';
export * from './forge';
export { startLocalServer, kvsStateFileFor, type LocalServer, type LocalServerOptions } from './server';
export { formatFieldValue } from './host/jira-data';
