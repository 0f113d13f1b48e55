#!/usr/bin/env node
// `cadre-ledger` from a checkout: registers tsx (TypeScript in Node) and runs the CLI's TypeScript
// entry resolved relative to this file, so it works from any working directory.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../electron/cli/main.ts', import.meta.url).href);
