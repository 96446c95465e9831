/**
 * Runs once when the app starts in the browser, before any page.
 *
 * The server's Content-Security-Policy forbids eval (docs/SECURITY.md). Zod, which validates the
 * board document, probes for `new Function` once to decide whether to compile its parsers; under
 * the policy the probe fails quietly but is still reported as a policy violation. Zod's `jitless`
 * setting skips the probe. It is set on the global config object `z.config()` writes to, because
 * zod reaches the app only through @plenary/shared.
 */
const zodConfig = ((globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig ??= {});
zodConfig.jitless = true;
