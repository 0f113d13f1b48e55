// Entry point of `cadre-ledger` (npm run ledger -- …, bin/cadre-ledger.mjs).
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
