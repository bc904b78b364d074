import { createHash, sign, type KeyObject } from 'node:crypto';
import type { AuthorityId } from '../keys/authority';
import { ECDSA_SIGNATURE_TYPE, LOG_KEY_NAMES, checkpointBody, type Checkpoint } from './checkpoint';

export interface NoteSigner {
  authority: AuthorityId;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function spkiOf(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: 'der', type: 'spki' });
}

/** SHA-256(SPKI DER)[:4], the note key ID of an ECDSA (0x02) key. */
export function noteKeyId(publicKey: KeyObject): Buffer {
  return createHash('sha256').update(spkiOf(publicKey)).digest().subarray(0, 4);
}

/** `<name>+<key ID hex>+<base64(0x02 || SPKI DER)>`: what a verifier pins. */
export function verifierKey(signer: Pick<NoteSigner, 'authority' | 'publicKey'>): string {
  const raw = Buffer.concat([Buffer.of(ECDSA_SIGNATURE_TYPE), spkiOf(signer.publicKey)]);
  return `${LOG_KEY_NAMES[signer.authority]}+${noteKeyId(signer.publicKey).toString('hex')}+${raw.toString('base64')}`;
}

/** The checkpoint as a C2SP signed note with one signature line per signer, in the given order. */
export function signCheckpoint(checkpoint: Checkpoint, signers: NoteSigner[]): string {
  const text = checkpointBody(checkpoint);
  const lines = signers.map((signer) => {
    const signature = sign('sha256', Buffer.from(text, 'utf8'), { key: signer.privateKey, dsaEncoding: 'der' });
    const value = Buffer.concat([noteKeyId(signer.publicKey), signature]).toString('base64');
    return `\u2014 ${LOG_KEY_NAMES[signer.authority]} ${value}\n`;
  });
  return `${text}\n${lines.join('')}`;
}
