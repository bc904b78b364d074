import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestApp } from './test-app';

/**
 * Poppler and ZBar, as a reader of the PDF would use them (Debian: poppler-utils, zbar-tools).
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

/** The text of the PDF, in reading order (pdftotext). */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout);
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

/** A copy of the PDF with one byte of `marker`'s first occurrence changed. */
export function withOneByteChanged(pdf: Buffer, marker: string): Buffer {
  const at = pdf.indexOf(marker);
  if (at < 0) throw new Error(`"${marker}" is not in the PDF`);
  const copy = Buffer.from(pdf);
  copy[at] = copy[at] ^ 0x01;
  return copy;
}
