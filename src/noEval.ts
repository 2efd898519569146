// The game's pages run under a Content-Security-Policy without 'unsafe-eval' (server/headers.ts).
// zod compiles its object parsers with `new Function` when it may, and finds out by trying: the
// attempt is caught, but the browser still reports it as a violation. zod reads its settings
// from this global (zod/v4/core/core.js: `globalThis.__zod_globalConfig`) when its first schema
// is made, so it is set here, main.ts's first import, without loading zod on the home screen.
// The parsers are as correct without compiling; tests/e2e/security.spec.ts fails on any violation.
const shared = globalThis as { __zod_globalConfig?: Record<string, unknown> };
shared.__zod_globalConfig = { ...shared.__zod_globalConfig, jitless: true };
export {};
