import { FORMULA_START, invisibleCharacterIn, toNfc } from '../common/text-input';

/**
 * What a column holds, for the checks every imported cell gets before its file's own rules:
 * a person's `name`, other free `text` (employers, affiliations), or a `value` of a fixed
 * shape (code, ID number, date, number, 是/否) that the file's rules check exactly.
 */
export type CsvColumnKind = 'name' | 'text' | 'value';

/** A file's columns in their documented order, each with what it holds. */
export type CsvColumns = Readonly<Record<string, CsvColumnKind>>;

// FORMULA_START (CSV injection) applies to names and text: fixed-shape values are left to their
// own rule, so a negative number stays a number (refused or accepted by the column's rule).
/** Why a cell is refused: the row problem's code, reason and details (csv-table.ts). */
export interface RefusedCell {
  code: 'CSV_CELL_FORMULA' | 'CSV_CELL_INVISIBLE';
  reason: string;
  details?: { character: string };
}

/** The cell as stored (NFC: the same name in any Unicode spelling is one name), or why it is refused. */
export function readCell(raw: string, kind: CsvColumnKind): { value: string } | RefusedCell {
  const value = toNfc(raw);
  if (kind === 'value') return { value };
  if (FORMULA_START.test(value))
    return {
      code: 'CSV_CELL_FORMULA',
      reason: 'must not start with =, +, - or @: a spreadsheet would run the cell as a formula',
    };
  const invisible = kind === 'name' ? invisibleCharacterIn(value) : undefined;
  if (invisible)
    return {
      code: 'CSV_CELL_INVISIBLE',
      reason: `must not contain the invisible character ${invisible}`,
      details: { character: invisible },
    };
  return { value };
}
