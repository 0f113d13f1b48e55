// shared/ runs everywhere (main process, renderer, CLI, tests): pure TypeScript, no Node, DOM or
// Electron, and no clock ("today" is passed in). This scans every source file under shared/.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sharedDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Comments and string/template contents blanked, so words in them do not count as code. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]);
  return specs;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const platformPackages = /^(electron|react|react-dom|antd|@ant-design\/|dexie|zustand|i18next|react-i18next|echarts|better-sqlite3|exceljs|docx|fake-indexeddb|happy-dom)(\/|$)/;

/** Why an import is not allowed in shared/, or undefined if it is. */
export function forbiddenImport(file: string, spec: string): string | undefined {
  if (spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0])) return 'Node built-in';
  if (platformPackages.test(spec)) return 'platform package (Electron/DOM/UI/IO)';
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    if (target !== sharedDir && !target.startsWith(sharedDir + sep)) return 'reaches outside shared/';
  }
  return undefined;
}

const hostGlobals = /(?<![\w.$])(window|document|localStorage|sessionStorage|indexedDB|navigator|process|Buffer|__dirname|require)\s*[.[(]/;
const clockReads = /(?<![\w.$])(Date\.now\s*\(|new\s+Date\s*\(\s*\)|performance\.now\s*\()/;

describe('shared/ is pure', () => {
  const files = sourceFiles(sharedDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports nothing from Node, Electron, the DOM/UI stack or outside shared/', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) {
        const why = forbiddenImport(f, spec);
        if (why) bad.push(`${relative(sharedDir, f)}: '${spec}' (${why})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses no host globals (window, document, process, Buffer…) and reads no clock', () => {
    const bad: string[] = [];
    for (const f of files) {
      const lines = codeOnly(readFileSync(f, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const m = hostGlobals.exec(line) ?? clockReads.exec(line);
        if (m) bad.push(`${relative(sharedDir, f)}:${i + 1}: ${m[0]}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('the checks catch what they should (so a pass means something)', () => {
    const f = join(sharedDir, 'domain', 'x.ts');
    expect(forbiddenImport(f, 'node:fs')).toBeDefined();
    expect(forbiddenImport(f, 'fs/promises')).toBeDefined();
    expect(forbiddenImport(f, 'electron')).toBeDefined();
    expect(forbiddenImport(f, 'react-dom/client')).toBeDefined();
    expect(forbiddenImport(f, '../../electron/store/types')).toBeDefined();
    expect(forbiddenImport(f, '../ledger/events')).toBeUndefined();
    expect(forbiddenImport(f, 'zod')).toBeUndefined();
    expect(importsOf(`import type { X } from 'node:path';\nconst m = await import("electron");`)).toEqual(['node:path', 'electron']);
    expect(hostGlobals.test(codeOnly('const w = window.innerWidth;'))).toBe(true);
    expect(hostGlobals.test(codeOnly('// window.x in a comment\nconst s = "document.title";'))).toBe(false);
    expect(clockReads.test(codeOnly('const t = new Date();'))).toBe(true);
    expect(clockReads.test(codeOnly("const t = new Date('2024-01-01');"))).toBe(false);
  });
});
