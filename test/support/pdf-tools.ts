import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestApp } from './test-app';

/**
 * Poppler, ZBar, OpenSSL and qpdf, as a reader of the PDF would use them (Debian: poppler-utils,
 * zbar-tools, openssl, qpdf).
 * Each helper writes the PDF to a temporary folder, runs the tool and removes the folder.
 */
const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-pdf-'));
  try {
    const path = join(dir, 'certificate.pdf');
    writeFileSync(path, pdf);
    return await use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, in reading order (pdftotext), or as laid out on the page (`-layout`). */
export function pdfText(pdf: Buffer, mode: 'reading' | 'layout' = 'reading'): Promise<string> {
  const args = [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8'];
  return withPdfFile(pdf, async (path) => (await run('pdftotext', [...args, path, '-'])).stdout);
}

/** Every QR symbol zbarimg decodes from the first page rendered at `dpi` (pdftoppm), one per entry. */
export function decodeQrCodes(pdf: Buffer, dpi = 150): Promise<string[]> {
  return withPdfFile(pdf, async (path, dir) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', path, join(dir, 'page')]);
    // zbarimg exits 4 when it finds no symbol; the empty list says that better than a throw.
    const result = await run('zbarimg', ['--raw', '-q', join(dir, 'page.png')]).catch(
      (error: { code?: number; stdout?: string }) => {
        if (error.code === 4) return { stdout: '' };
        throw error;
      },
    );
    return result.stdout.split('\n').filter((line) => line.length > 0);
  });
}

/** pdfsig's report. It exits 0 whether or not a signature is valid, so callers read the text. */
export function pdfSignatureReport(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (path) => {
    const result = await run('pdfsig', [path]).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }));
    return result.stdout;
  });
}

export interface PdfSignature {
  fieldName: string;
  commonName: string;
  /** pdfsig's "Signature Validation" line, e.g. "Signature is Valid." or "Digest Mismatch." */
  validation: string;
  /** pdfsig says "Total document signed" (else "Not total document signed"). */
  totalDocument: boolean;
}

/** pdfsig's report, one entry per signature in file order. */
export async function pdfSignatures(pdf: Buffer): Promise<PdfSignature[]> {
  const report = await pdfSignatureReport(pdf);
  return report
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      fieldName: /Signature Field Name: (.*)/.exec(block)?.[1] ?? '',
      commonName: /Signer Certificate Common Name: (.*)/.exec(block)?.[1] ?? '',
      validation: /Signature Validation: (.*)/.exec(block)?.[1] ?? '',
      totalDocument: /^\s*- Total document signed$/m.test(block),
    }));
}

/**
 * `openssl cms -verify` of each signature's PKCS#7 over its own signed byte ranges, with
 * `rootPem` as the only trust anchor; one result per /ByteRange, in file order.
 */
export function opensslVerifySignatures(pdf: Buffer, rootPem: string): Promise<Array<{ ok: boolean; output: string }>> {
  return withPdfFile(pdf, async (_path, dir) => {
    writeFileSync(join(dir, 'root.pem'), rootPem);
    const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/g)];
    const results: Array<{ ok: boolean; output: string }> = [];
    for (const [i, match] of ranges.entries()) {
      const [a, b, c, d] = match.slice(1).map(Number);
      const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
      const der = Buffer.from(pdf.subarray(a + b + 1, c - 1).toString('latin1'), 'hex');
      // /Contents is zero-padded: keep the DER SEQUENCE only (definite length, X.690 §8.1.3).
      const lengthBytes = der[1] & 0x80 ? der[1] & 0x7f : 0;
      const length = lengthBytes ? der.subarray(2, 2 + lengthBytes).reduce((n, byte) => n * 256 + byte, 0) : der[1];
      writeFileSync(join(dir, `sig${i}.der`), der.subarray(0, 2 + lengthBytes + length));
      writeFileSync(join(dir, `content${i}.bin`), signed);
      const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, `sig${i}.der`)];
      args.push('-content', join(dir, `content${i}.bin`), '-CAfile', join(dir, 'root.pem'), '-purpose', 'any');
      const result = await run('openssl', [...args, '-out', '/dev/null']).then(
        (r) => ({ ok: true, output: `${r.stdout}${r.stderr}` }),
        (error: { stdout?: string; stderr?: string }) => ({
          ok: false,
          output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
        }),
      );
      results.push(result);
    }
    return results;
  });
}

/** `qpdf --check`: its exit code (0 = no errors, 3 = warnings only, 2 = errors) and report. */
export function qpdfCheck(pdf: Buffer): Promise<{ exitCode: number; output: string }> {
  return withPdfFile(pdf, (path) =>
    run('qpdf', ['--check', path]).then(
      (r) => ({ exitCode: 0, output: r.stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        exitCode: error.code ?? -1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    ),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts pdffonts lists, with whether each is embedded. */
export function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object ID.
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim().length > 0)
      .map((line) => {
        const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
        if (!match) throw new Error(`Unreadable pdffonts line: ${line}`);
        return { name: match[1], type: match[2], embedded: match[4] === 'yes' };
      });
  });
}

export interface PdfResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The JSON body of an error answer; undefined for a PDF. */
  json?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request whose answer may be a PDF; JSON answers are parsed. */
export async function requestPdf(
  t: TestApp,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string,
): Promise<PdfResponse> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json: unknown = response.headers.get('content-type')?.startsWith('application/json')
    ? JSON.parse(bytes.toString('utf8'))
    : undefined;
  return { status: response.status, headers: response.headers, bytes, json };
}

/** A copy of the PDF with one byte of `marker`'s first occurrence (from `from` on) changed. */
export function withOneByteChanged(pdf: Buffer, marker: string, from = 0): Buffer {
  const at = pdf.indexOf(marker, from);
  if (at < 0) throw new Error(`"${marker}" is not in the PDF`);
  const copy = Buffer.from(pdf);
  copy[at] = copy[at] ^ 0x01;
  return copy;
}
