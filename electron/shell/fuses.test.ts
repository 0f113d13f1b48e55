// The packaged app's Electron fuses (issue 11): read from electron-builder.yml as electron-builder
// reads it, each one asserted, so that a config edit cannot silently turn one back on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml is electron-builder's own YAML parser (it ships without type declarations).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  const fuses = config.electronFuses as Record<string, unknown>;
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableCookieEncryption', true],
  ])('sets the fuse %s to %s', (name, value) => {
    expect(fuses[name]).toBe(value);
  });

  it('packs the app into an asar (the fuses that check it need one)', () => {
    expect(config.asar).toBe(true);
  });
});
