// Types for core-flags.mjs (plain JS so that the launchers run without a TypeScript loader).
export declare const coreNodeFlags: string[];
export declare const electronJsFlags: string;
