// V8 flags for every process that runs the core (browser host, Electron main, benchmark children).
//
// Memory first (issue 13: a New Area's ledger on an office PC with 4–8 GB, peak ≤ 500 MB while
// evaluating 50,000 cadres × 36 months). An evaluation of that ledger allocates ~90 MB, most of it
// living until the evaluation ends (the index's lists, the ~29,000 findings). Where it goes decides
// the peak RSS, measured with bench/profile-engine.ts (peak = VmHWM over 15 evaluations, ledger
// loaded ~280–300 MB):
//   --max-semi-space-size=128 (the earlier choice): the young generation alone is 2 × 128 MB, and
//     what survives into the old generation piles up to ~3× the live heap before a full
//     collection — peak 710–960 MB;
//   16 MB (V8's default) — peak ~550 MB: the old generation's growth is most of it;
//   --max-semi-space-size=32 --heap-growing-percent=50 — peak 435–455 MB: the old generation is
//     collected once it has grown by half (V8 otherwise lets it grow 2–4×), mostly concurrently
//     on the other core.
// The last costs CPU time in collections (median wall time of a full evaluation within the noise of
// the shared 2-core machine, CPU time +0–30%), and is the one used. Cold open of the largest store
// is measured by bench/store.bench.ts with the same flags.
export const coreNodeFlags = ['--max-semi-space-size=32', '--heap-growing-percent=50'];
/**
 * The same flags for Electron's main process. `--js-flags` only reaches the main process when given
 * at launch (`npm start` does); a packaged app, started without them, relaunches itself once with
 * them (electron/shell/v8Flags.ts).
 */
export const electronJsFlags = `--js-flags=${coreNodeFlags.join(' ')}`;
