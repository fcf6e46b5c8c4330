import { parseByteRange } from './byte-range';
import { BytesLru } from './stamped-copy-cache';

describe('parseByteRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=500-5000', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=200-100', { kind: 'whole' }],
    ['bytes=0-9,20-29', { kind: 'whole' }],
    ['items=0-9', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
  ])('%s on 1000 bytes', (header, answer) => {
    expect(parseByteRange(header, 1000)).toEqual(answer);
  });
});

describe('BytesLru (stamped copies, page images)', () => {
  const copy = (n: number) => ({ bytes: new Uint8Array(n), etag: `"${n}"` });

  it('stamps once for concurrent requests of one key and keeps the least recently used within its bound', async () => {
    const cache = new BytesLru<{ bytes: Uint8Array; etag: string }>(250, (c) => c.bytes.byteLength);
    let made = 0;
    const make = (n: number) => async () => {
      made += 1;
      return copy(n);
    };
    const [a, b] = await Promise.all([cache.get('a', make(100)), cache.get('a', make(100))]);
    expect(a).toBe(b);
    expect(made).toBe(1);
    await cache.get('b', make(100));
    await cache.get('a', make(100)); // a is used again: b is now the oldest
    await cache.get('c', make(100));
    expect(made).toBe(3);
    await cache.get('a', make(100));
    expect(made).toBe(3);
    await cache.get('b', make(100));
    expect(made).toBe(4);
  });

  it('forgets a failed stamping, so the next request tries again', async () => {
    const cache = new BytesLru<{ bytes: Uint8Array; etag: string }>(250, (c) => c.bytes.byteLength);
    await expect(cache.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(cache.get('x', async () => copy(1))).resolves.toEqual(copy(1));
  });
});
