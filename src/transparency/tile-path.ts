/*
 * C2SP tlog-tiles paths: `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`, where N is
 * written in groups of three digits, every group but the last prefixed with "x"
 * (1234067 → x001/x234/067), and a partial tile of width W (1–255) is the right edge.
 */

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

export interface TilePath {
  /** 'entries' for an entry bundle, else the tile level L (its hashes are at tree level 8·L). */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile. */
  width: number;
}

/** Parses the part after `tile/`; undefined unless it is the one canonical spelling. */
export function parseTilePath(path: string): TilePath | undefined {
  const match = /^(entries|\d{1,2})\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d{1,3}))?$/.exec(path);
  if (!match) return undefined;
  const level = match[1] === 'entries' ? 'entries' : Number(match[1]);
  if (level !== 'entries' && (String(level) !== match[1] || level > 5)) return undefined;
  const groups = match[2].split('/').map((g) => g.replace('x', ''));
  if (groups.length > 1 && groups[0] === '000') return undefined;
  const index = Number(groups.join(''));
  const width = match[3] === undefined ? TILE_WIDTH : Number(match[3]);
  if (match[3] !== undefined && (String(width) !== match[3] || width < 1 || width >= TILE_WIDTH)) return undefined;
  if (!Number.isSafeInteger(index)) return undefined;
  return { level, index, width };
}

/** The canonical `<N>` path of a tile index. */
export function tileIndexPath(index: number): string {
  const digits = String(index);
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = padded.match(/\d{3}/g) ?? ['000'];
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}
