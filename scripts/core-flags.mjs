// V8 flags for every process that runs the core (browser host, Electron main, benchmark children).
//
// --max-semi-space-size=128: an evaluation of a large ledger allocates ~100 MB that lives until the
// evaluation ends (the index, the findings). With V8's default 16 MB semi-space that is several
// scavenges per evaluation, each copying what is still alive, and the copies fill the old
// generation so that a full collection follows every few evaluations. A larger young generation
// lets most of an evaluation die young: at 50,000 cadres the median evaluation went from ~620 ms
// (16 MB) to ~500 ms (64 MB) and ~445 ms (128 MB) on the 2-core development machine. The young
// generation only grows that large while a process allocates that fast; cold open of the largest
// store tested peaks at ~315 MB RSS with it (docs/STORE.md).
export const coreNodeFlags = ['--max-semi-space-size=128'];
/**
 * The same flags for Electron's main process. `--js-flags` only reaches the main process when given
 * at launch (`npm start` does); a packaged app, started without them, relaunches itself once with
 * them (electron/shell/v8Flags.ts).
 */
export const electronJsFlags = `--js-flags=${coreNodeFlags.join(' ')}`;
