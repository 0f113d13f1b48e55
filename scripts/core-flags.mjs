// V8 flags for every process that runs the core (browser host, Electron main, benchmark children).
//
// --max-semi-space-size=64: an evaluation of a large ledger allocates ~80 MB that lives until the
// evaluation ends (the index, the findings). With V8's default 16 MB semi-space that is five
// scavenges per evaluation, each copying what is still alive, and the copies fill the old
// generation so that a full collection follows every few evaluations. 64 MB lets most of an
// evaluation die young: measured 15–20% faster at 50,000 cadres (shared/engine/DECISIONS.md). The young
// generation only grows that large while a process allocates that fast.
export const coreNodeFlags = ['--max-semi-space-size=64'];
/**
 * The same flags for Electron's main process. `--js-flags` only reaches the main process when given
 * at launch (`npm start` does); a packaged app runs with V8's defaults, which only costs time on
 * ledgers far larger than a township's.
 */
export const electronJsFlags = `--js-flags=${coreNodeFlags.join(' ')}`;
