import { inflateSync } from 'node:zlib';
import { encodeStatusBits, statusAt } from './status-list';

describe('status list encoding', () => {
  it('sets bit i of byte i/8, least significant first, and reads it back', async () => {
    const bits = new Uint8Array(16);
    for (const i of [0, 9, 127]) bits[i >> 3] |= 1 << (i & 7);
    const lst = await encodeStatusBits(bits);
    expect(Array.from(inflateSync(Buffer.from(lst, 'base64url')))).toEqual(Array.from(bits));
    expect(bits[1]).toBe(0b10);
    for (let i = 0; i < 128; i++) expect(await statusAt(lst, i)).toBe([0, 9, 127].includes(i) ? 1 : 0);
  });

  it('compresses a mostly empty list of 2^20 entries to a few hundred bytes', async () => {
    const bits = new Uint8Array((1 << 20) / 8);
    bits[4242] = 1;
    expect((await encodeStatusBits(bits)).length).toBeLessThan(600);
  });

  it('answers undefined past the end or for garbage', async () => {
    const lst = await encodeStatusBits(new Uint8Array(2));
    expect(await statusAt(lst, 16)).toBeUndefined();
    expect(await statusAt('not*base64', 0)).toBeUndefined();
    expect(await statusAt('AAAA', 0)).toBeUndefined();
  });
});
