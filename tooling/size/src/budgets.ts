/** One kilobyte in the budgets is a kibibyte: 1 KB = 1024 bytes. */
export const KB = 1024;

/**
 * Budgets from ARCHITECTURE.md, in minified bytes (esbuild `--minify`, before gzip).
 * Keyed by the row they apply to.
 */
export const BUDGETS = {
  "env only": 2 * KB,
  "Lambda chain": 16 * KB,
  /** With code splitting: the entry chunk and its static imports, what loads before the first provider runs. */
  "full default chain, split: up front": 24 * KB,
  "full default chain, split: all chunks": 84 * KB,
} as const satisfies Record<string, number>;

export type BudgetedRow = keyof typeof BUDGETS;

/**
 * Ceilings for bundles still over their ARCHITECTURE.md budget: CI fails when one grows past its
 * ceiling, so nothing gets bigger while the work to reach the budget goes on. Lower a ceiling
 * whenever a bundle shrinks; delete it once the bundle fits its budget.
 *
 * Raised by issue #13 (trust at the edges), which put into every bundle what it reads or quotes:
 * the bounded regular-file reader and its messages (~1.2 KB in the Lambda chain), the redaction
 * of quoted text (~1.45 KB), the strict timestamp parser and the control-character check
 * (~0.6 KB, all of it in "env only"), and in the full chain the cross-process lock (~2 KB).
 * Raised again by issues #14 and #15.1 (the settings resolver IMDS now uses: +0.2 KB; the node:http
 * transport with keep-alive, which made IMDS 2.5x faster: +1.3 KB in the Lambda chain, and its
 * proxy support in the full chain: +3 KB), and by issue #15's speed target (IMDS and container at
 * least as fast as the AWS SDK): core's own keep-alive pool in place of node:http's Agent and the
 * request's headers handed over as one list cut a metadata request's CPU time by about a fifth,
 * for +1.5 KB in the Lambda chain and the full chain (BENCHMARKS.md).
 * The split rows start at what code splitting gives today: core's package files are shared by the
 * up-front code and by every provider loaded on demand, so all of core that any of them uses loads
 * up front (see BENCHMARKS.md). Merged with them: the one-pass INI parser's merge and shlex fast
 * paths (+0.1 KB up front and in all chunks, for 10,000 profiles at 2x the SDK's speed), and in
 * the on-demand chunks the SDK-style region options of the STS providers (#16) and the debug lines
 * every provider now writes on success (#17), +0.3 KB. The shared AWS JSON exchange stays out of
 * the up-front code (`@credchain/core/aws-json`). The SSO and Sign-In refreshes then named an
 * `expiresIn` no date holds instead of failing in `toISOString` (+0.3 KB in the on-demand chunks).
 * Lowered for #14's "no larger than before": the IMDS and container providers without their
 * repeated source names and request code, and a shorter CredchainError (Lambda chain −229 B, more
 * than the +213 B the settings resolver had cost). `fromEnv` then wrote its debug line to stderr
 * under CREDCHAIN_DEBUG on its own (#17), paid for in the env-only bundle (2,655 → 2,639 B) by
 * one builder for its three outcomes in place of core's notFound beside its own; the up-front code,
 * where the chain always passes its logger and notFound is bundled anyway, carries both (+0.06 KB).
 * Issue #15's "load on demand" brought the split row's up-front code within its budget (47.27 KB
 * to 23.38 KB, ceiling deleted): core's HTTP code and file writers in entries of their own
 * (`@credchain/core/http`, `/writes`), the chain importing core's `local` entry (everything but
 * HTTP) and provider-ini's `shared-config` up front, the profile planned in a chunk of its own. The
 * code is 0.17 KB smaller in all chunks, but each new chunk boundary costs import and export
 * statements between chunks (esbuild splits by file): +0.98 KB of them, so all chunks +0.81 KB.
 * The Lambda chain measures 24,000 B on main since its HOME-less `~` (0714bed, +47 B), over the
 * 23.4 KB ceiling; 24,001 B here (minified names allocated in another module order).
 * Loading 10,000 profiles closer to linear time (#15.2: section objects from one constructor, the
 * merged map filled once, the profile name cut out directly) took 0.06 KB off the split rows.
 * botocore's CA bundle for AWS API calls (AWS_CA_BUNDLE, the profile's ca_bundle, REQUESTS_CA_BUNDLE;
 * read on the first https: call, in the on-demand chunks only) +1,348 B in all chunks, and HOME=""
 * read as the root, as Python does, +7 B (up front and Lambda too, within their ceiling/budget).
 * A cold start without a rejected promise per absent file (#15.4: the context's reader may return
 * the text, core's reader is synchronous) +63 B in all chunks: the cache readers that chained
 * `.then(text, error)` on the reader now `await` it in try/catch. One sleep in core for the retry
 * pauses of STS, SSO and the container provider −328 B; profile names quoted in messages +0.28 KB.
 */
export const CEILINGS: Partial<Record<BudgetedRow, number>> = {
  "env only": 2.6 * KB,
  "Lambda chain": 23.45 * KB,
  "full default chain, split: all chunks": 100.25 * KB,
};
