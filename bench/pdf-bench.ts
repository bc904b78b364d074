import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  certificatePem,
  createRootCertificate,
  generateP256KeyPair,
  generateRsaKeyPair,
  issueDocumentSigningCertificate,
  privateKeyPem,
} from '../src/keys/certificate-authority';
import type { AuthorityId } from '../src/keys/authority';
import { CertificateRenderer, type DocumentSigners } from '../src/pdf/certificate-renderer';
import { qrSymbol } from '../src/pdf/qr-symbol';
import { measure, sideBySide } from './measure';
import { SAMPLE_CERTIFICATE, SAMPLE_URL } from '../src/pdf/sample-certificate';

export interface PdfBenchResult {
  /** Plan, render and PDF-sign one certificate by both authorities (two revisions), fonts already open. */
  warmMsPerPdf: number;
  /**
   * What a bare pdfkit script drawing the same page costs: the same text at known positions,
   * the same fonts, the QR encoded and drawn, the border, the seals and the 样本 mark; no layout
   * planning, no glyph checks, no signature.
   */
  barePdfkitMsPerPage: number;
  /** warm / bare; target ≤ 2. */
  ratio: number;
  /** A fresh Node process: module loading, font files, first render and signature. */
  coldFirstPdfMs: number;
  /** Size of the signed PDF; target ≤ 300 KB. */
  pdfBytes: number;
}

/** A throwaway root (P-256) and an RSA document-signing certificate per authority, as the dev key set has. */
async function benchKeys(): Promise<DocumentSigners> {
  const rootKeys = generateP256KeyPair();
  const root = await createRootCertificate(rootKeys, { dev: true });
  const key = async (authority: AuthorityId) => {
    const signer = generateRsaKeyPair();
    const certificate = await issueDocumentSigningCertificate(
      authority,
      signer.publicKey,
      { certificate: root, privateKey: rootKeys.privateKey },
      { dev: true },
    );
    return { privateKey: signer.privateKey, chainPem: [certificatePem(certificate), certificatePem(root)] };
  };
  return { amr: await key('amr'), hrss: await key('hrss') };
}

/** Time to the first signed PDF in a child process; needs the compiled JavaScript (npm run bench). */
async function coldFirstPdfMs(keys: DocumentSigners): Promise<number> {
  if (!__filename.endsWith('.js'))
    throw new Error('benchPdf measures the cold start from compiled JavaScript: run it through npm run bench');
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-pdf-bench-'));
  try {
    const keyPath = join(dir, 'key.json');
    const file = (k: DocumentSigners['amr']) => ({ privateKeyPem: privateKeyPem(k.privateKey), chainPem: k.chainPem });
    writeFileSync(keyPath, JSON.stringify({ amr: file(keys.amr), hrss: file(keys.hrss) }), { mode: 0o600 });
    const module = JSON.stringify(join(__dirname, 'pdf-cold-start.js'));
    // The clock starts before the renderer's modules are even required.
    const script = `const t=process.hrtime.bigint();require(${module}).firstPdf(process.argv[1]).then(()=>process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6)))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, keyPath]);
    return Number(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Warm render + PDF signatures per certificate against bare pdfkit drawing of the same page,
 * interleaved (bench/measure.ts `sideBySide`) so machine drift hits both alike.
 */
export async function benchPdf(options: { rounds?: number; msPerRound?: number } = {}): Promise<PdfBenchResult> {
  const { rounds = 3, msPerRound = 1500 } = options;
  const keys = await benchKeys();
  const cold = await coldFirstPdfMs(keys);
  const renderer = new CertificateRenderer();
  const dev = { development: true };
  const page = renderer.prepare(SAMPLE_CERTIFICATE, SAMPLE_URL, dev);
  const [warm, bare] = await sideBySide(
    () =>
      measure(
        'render + two signatures',
        () => renderer.renderSigned(SAMPLE_CERTIFICATE, SAMPLE_URL, keys, dev),
        msPerRound,
        1,
        3,
      ),
    () => measure('bare pdfkit', () => renderer.render({ ...page, symbol: qrSymbol(SAMPLE_URL) }), msPerRound, 1, 3),
    rounds,
  );
  const pdf = await renderer.renderSigned(SAMPLE_CERTIFICATE, SAMPLE_URL, keys, dev);
  return {
    warmMsPerPdf: warm.microsPerOp / 1000,
    barePdfkitMsPerPage: bare.microsPerOp / 1000,
    ratio: warm.microsPerOp / bare.microsPerOp,
    coldFirstPdfMs: cold,
    pdfBytes: pdf.length,
  };
}
