import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CertificateRenderer } from '../src/pdf/certificate-renderer';
import { BENCH_CERTIFICATE, BENCH_URL } from './pdf-bench-sample';

/**
 * The first signed PDF of a fresh process: layout, font files, fontkit parsing and the first
 * render and signature. Run in a child process by `benchPdf`; the key comes from a JSON file
 * `{ privateKeyPem, chainPem }` so key generation is not counted.
 */
export async function firstPdf(keyPath: string): Promise<number> {
  const { privateKeyPem, chainPem } = JSON.parse(readFileSync(keyPath, 'utf8')) as {
    privateKeyPem: string;
    chainPem: string[];
  };
  const key = { privateKey: createPrivateKey(privateKeyPem), chainPem };
  const pdf = await new CertificateRenderer().renderSigned(BENCH_CERTIFICATE, BENCH_URL, key);
  return pdf.length;
}
