import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress } from '../src/http/content-encoding.js';
import { strongEtag } from '../src/http/etag.js';
import { COMPRESSED_ONLY_MIN_BYTES, Representation } from '../src/http/representation.js';

const bodyOf = (variant: { body: string | Buffer }) => (typeof variant.body === 'string' ? Buffer.from(variant.body, 'latin1') : variant.body);
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('stored representations', () => {
  const large = Buffer.from(JSON.stringify(Array.from({ length: 8000 }, (_, i) => ({ id: `technology:tool${i}`, name: `Tool ${i}`, line: i }))));

  it('keeps a large compressible body brotli-compressed only, and still serves the same bytes in every coding', async () => {
    expect(large.length).toBeGreaterThanOrEqual(COMPRESSED_ONLY_MIN_BYTES);
    const stored = new Representation('v1', [['content-type', 'application/json; charset=utf-8']], '"v1-abc"', large, true);
    let resized = 0;
    stored.resized = (delta) => (resized += delta);
    expect(stored.bodyBytes).toBe(large.length);
    await until(() => resized !== 0);
    // The compressed copy is what a br miss would have sent: same bytes, same ETag on every replica.
    const br = stored.variant('br');
    expect(bodyOf(br).equals(compress(large, 'br'))).toBe(true);
    expect(stored.bodyBytes).toBe(br.length);
    // The header lists of the br variant are held too.
    const fieldBytes = (fields: string[]) => fields.reduce((sum, field) => sum + field.length, 0);
    expect(resized).toBe(br.length + fieldBytes(br.ok) + fieldBytes(br.notModified) + fieldBytes(br.headNotModified) - large.length);
    expect(stored.bodyBytes * 5).toBeLessThan(large.length);
    const identity = stored.variant('identity');
    expect(bodyOf(identity).equals(large)).toBe(true);
    expect(identity.ok).toContain(String(large.length));
    expect(gunzipSync(bodyOf(stored.variant('gzip'))).equals(large)).toBe(true);
    expect(brotliDecompressSync(bodyOf(br)).equals(large)).toBe(true);
  });

  it('keeps small or incompressible bodies as they are', async () => {
    const small = Buffer.from('{"ok":true}');
    const stored = new Representation('v1', [], '"v1-s"', small, true);
    const binary = new Representation('v1', [], '"v1-b"', large, false);
    await new Promise((r) => setTimeout(r, 100));
    expect(stored.bodyBytes).toBe(small.length);
    expect(binary.bodyBytes).toBe(large.length);
    expect(bodyOf(binary.variant('identity')).equals(large)).toBe(true);
  });

  it('stores a serialized string as its UTF-8 bytes, the same as from a Buffer, with the same validator', () => {
    const text = JSON.stringify({ name: 'Inżynier AI', note: 'Zadania: wdrażanie modeli, łączenie źródeł — „MLOps”' });
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(text.length);
    const fromText = new Representation('v1', [['content-type', 'application/json; charset=utf-8']], strongEtag('v1', text), text, true);
    const fromBytes = new Representation('v1', [['content-type', 'application/json; charset=utf-8']], strongEtag('v1', bytes), bytes, true);
    expect(fromText.etag).toBe(fromBytes.etag);
    const plain = fromText.variant('identity');
    expect(plain.body.equals(bytes)).toBe(true);
    expect(plain.length).toBe(bytes.length);
    expect(plain.ok).toEqual(fromBytes.variant('identity').ok);
    expect(gunzipSync(fromText.variant('gzip').body).equals(bytes)).toBe(true);
  });
});
