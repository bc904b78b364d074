import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CertificateRenderer, type DocumentSigners } from '../src/pdf/certificate-renderer';
import { SAMPLE_CERTIFICATE, SAMPLE_URL } from '../src/pdf/sample-certificate';

/**
 * The first signed PDF of a fresh process: layout, font files, fontkit parsing and the first
 * render and both signatures. Run in a child process by `benchPdf`; the keys come from a JSON
 * file `{ amr: { privateKeyPem, chainPem }, hrss: … }` so key generation is not counted.
 */
export async function firstPdf(keyPath: string): Promise<number> {
  type KeyFile = Record<keyof DocumentSigners, { privateKeyPem: string; chainPem: string[] }>;
  const keys = JSON.parse(readFileSync(keyPath, 'utf8')) as KeyFile;
  const signer = (k: KeyFile['amr']) => ({ privateKey: createPrivateKey(k.privateKeyPem), chainPem: k.chainPem });
  const signers = { amr: signer(keys.amr), hrss: signer(keys.hrss) };
  const pdf = await new CertificateRenderer().renderSigned(SAMPLE_CERTIFICATE, SAMPLE_URL, signers, {
    development: true,
  });
  return pdf.length;
}
