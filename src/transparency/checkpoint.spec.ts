import { generateKeyPairSync } from 'node:crypto';
import { AUTHORITY_IDS } from '../keys/authority';
import { LOG_ORIGIN, derToP1363, importVerifierKey, verifyCheckpoint } from './checkpoint';
import { signCheckpoint, verifierKey } from './checkpoint-signer';
import { decodeLeaf, encodeLeaf, type LogLeaf } from './log-leaf';
import { parseTilePath, tileIndexPath } from './tile-path';

const signers = AUTHORITY_IDS.map((authority) => ({
  authority,
  ...generateKeyPairSync('ec', { namedCurve: 'P-256' }),
}));
const checkpoint = { origin: LOG_ORIGIN, size: 42, rootHash: new Uint8Array(32).fill(7) };
const verifiers = () => Promise.all(signers.map((s) => importVerifierKey(s.authority, verifierKey(s))));

describe('co-signed checkpoints (C2SP signed-note, ECDSA type 0x02)', () => {
  it('verifies with both signatures', async () => {
    const result = await verifyCheckpoint(signCheckpoint(checkpoint, signers), await verifiers());
    expect(result).toMatchObject({ ok: true, signedBy: ['amr', 'hrss'], checkpoint: { size: 42 } });
  });

  it('refuses a checkpoint signed by one authority only', async () => {
    const note = signCheckpoint(checkpoint, [signers[0]]);
    await expect(verifyCheckpoint(note, await verifiers())).resolves.toMatchObject({
      ok: false,
      problem: 'no valid hrss signature',
    });
  });

  it('refuses an edited body and a signature by another key under the same name', async () => {
    const note = signCheckpoint(checkpoint, signers);
    const edited = note.replace('\n42\n', '\n43\n');
    await expect(verifyCheckpoint(edited, await verifiers())).resolves.toMatchObject({ ok: false });
    const impostor = { authority: 'hrss' as const, ...generateKeyPairSync('ec', { namedCurve: 'P-256' }) };
    const forged = signCheckpoint(checkpoint, [signers[0], impostor]);
    // Another key has another key ID: ignored as unknown, so the hrss signature is missing.
    await expect(verifyCheckpoint(forged, await verifiers())).resolves.toMatchObject({ ok: false });
  });

  it('ignores signatures of unknown keys (C2SP signed-note)', async () => {
    const stranger = { authority: 'amr' as const, ...generateKeyPairSync('ec', { namedCurve: 'P-256' }) };
    const note = signCheckpoint(checkpoint, [...signers, stranger]).replace(
      /— amr\.zj\.gov\.cn\/title-certificates\/log (\S+)\n$/,
      '— witness.example/log $1\n',
    );
    await expect(verifyCheckpoint(note, await verifiers())).resolves.toMatchObject({ ok: true });
  });

  it('refuses a verifier key whose key ID does not match its key', async () => {
    const vkey = verifierKey(signers[0]).replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    await expect(importVerifierKey('amr', vkey)).rejects.toThrow('key ID');
  });

  it('converts DER ECDSA signatures to r||s and refuses malformed DER', () => {
    expect(derToP1363(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07))?.slice(30, 34)).toEqual(
      Uint8Array.of(0, 5, 0, 0),
    );
    expect(derToP1363(Uint8Array.of(0x31, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07))).toBeUndefined();
  });
});

describe('log leaf v1', () => {
  const leaf: LogLeaf = {
    kind: 'revocation',
    certificateNo: 'ZJZ2026000001',
    date: '2026-11-26',
    document: '浙市监人〔2026〕40号 "附件"',
    subjectSha256: 'a'.repeat(64),
    auditSeq: 12,
    auditHash: 'b'.repeat(64),
  };

  it('round-trips, and refuses any other spelling of the same facts', () => {
    const bytes = encodeLeaf(leaf);
    expect(decodeLeaf(bytes)).toEqual(leaf);
    const text = new TextDecoder().decode(bytes);
    for (const variant of [
      text.replace('audit 12', 'audit 012'),
      text.replace('\n', '\r\n'),
      `${text}\n`,
      text.replace('kind revocation', 'kind revoke'),
    ])
      expect(decodeLeaf(new TextEncoder().encode(variant))).toBeUndefined();
  });

  it('refuses a leaf it could not read back (a malformed certificate number)', () => {
    expect(() => encodeLeaf({ ...leaf, certificateNo: '330102198001011272' })).toThrow('certificate number');
  });
});

describe('tlog-tiles paths', () => {
  it.each([
    ['0/000', { level: 0, index: 0, width: 256 }],
    ['1/x001/234.p/5', { level: 1, index: 1234, width: 5 }],
    ['entries/x001/x234/067', { level: 'entries', index: 1234067, width: 256 }],
  ])('%s', (path, tile) => expect(parseTilePath(path)).toEqual(tile));

  it.each(['0/1', '0/x000/001', '0/000.p/0', '0/000.p/256', '00/000', '0/000.p/05', 'x/000'])('refuses %s', (path) =>
    expect(parseTilePath(path)).toBeUndefined(),
  );

  it('writes indices canonically', () => {
    expect([0, 1234, 1234067].map(tileIndexPath)).toEqual(['000', 'x001/234', 'x001/x234/067']);
  });
});
