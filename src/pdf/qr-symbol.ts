import * as QRCode from 'qrcode';

/** A QR symbol's dark modules as horizontal runs: few rectangles, one fill, crisp edges. */
export interface QrSymbol {
  version: number;
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** [row, first column, length] of each run of dark modules. */
  runs: Array<[number, number, number]>;
}

/**
 * The longest verification URL the registry can issue (a 40-character Han name, ~760 bytes) is
 * version 22 at level M; at 50 mm it still decodes from a 100 dpi scan (docs/pdf.md, QR code).
 */
export const MAX_QR_VERSION = 22;

/**
 * Encodes text at error-correction level M (15 % of codewords recoverable: survives a crease
 * or a smudge; a two-character name's ~605-byte URL is version 19).
 */
export function qrSymbol(text: string): QrSymbol {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  if (code.version > MAX_QR_VERSION) {
    throw new Error(
      `The verification URL needs QR version ${code.version}; at most ${MAX_QR_VERSION} prints legibly at this size`,
    );
  }
  const { size } = code.modules;
  const runs: QrSymbol['runs'] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && code.modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return { version: code.version, modules: size, runs };
}
