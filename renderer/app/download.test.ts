import { describe, expect, it } from 'vitest';
import { base64ToBytes, readFileBase64 } from './download';

describe('file helpers', () => {
  it('reads a file as base64 and decodes it back', async () => {
    const text = 'id,name\nU1,党政办\n';
    const b64 = await readFileBase64(new Blob([text]));
    expect(new TextDecoder().decode(base64ToBytes(b64))).toBe(text);
  });
});
