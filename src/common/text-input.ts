/**
 * Text as people send it. The same name can arrive in different Unicode spellings ("Zoë" as one
 * code point or as "o" + combining diaeresis), so every text input is stored and compared in
 * NFC. Characters that draw nothing (zero-width, bidi controls, fillers, variation selectors)
 * would let two different stored names look the same, so names refuse them.
 * Pure: the browser page may bundle this file too.
 */

/** The canonical composed form (NFC) of a text input. */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

/**
 * Controls, format characters (zero-width space/joiners, bidi marks and overrides, BOM, soft
 * hyphen), private use, lone surrogates, line/paragraph separators, the Hangul and Braille blank
 * fillers, and variation selectors.
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** U+20000 for 𠀀: how a message names a character (the reader may not see it, or not tell it from another). */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first invisible character of a text as `U+XXXX`, or undefined when there is none. */
export function invisibleCharacterIn(value: string): string | undefined {
  const match = INVISIBLE.exec(value);
  return match ? codePointLabel(match[0]) : undefined;
}

const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'gu');

/** Emoji, pictographs and other symbols (☆, ®, flags, Kangxi radicals ⼯): never part of an organisation's name. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{So}]/u;

/** The first pictographic symbol of a text with its code point (`😀 U+1F600`), or undefined. */
export function pictographIn(value: string): string | undefined {
  const match = PICTOGRAPH.exec(value);
  return match ? `${match[0]} ${codePointLabel(match[0])}` : undefined;
}

/** The text without its invisible characters: what a form shows back, so the next try can match. */
export function withoutInvisibleCharacters(value: string): string {
  return value.replace(EVERY_INVISIBLE, '');
}

/** Prose (facts found, a reason) may break lines and indent; nothing else invisible. */
export function invisibleCharacterInProse(value: string): string | undefined {
  return invisibleCharacterIn(value.replace(/[\n\r\t]/g, ''));
}

/**
 * A combining mark with no letter before it, or more than two on one: drawn over the text around
 * it (as in "Zalgo" text). A person's name never has either (PERSON_NAME, common/formats.ts).
 */
const MISPLACED_MARKS = /(?:^|[^\p{L}\p{M}])\p{M}|\p{M}{3,}/u;

/**
 * Whether text has a misplaced mark (`MISPLACED_MARKS`), counted on its decomposed form: NFC
 * composes a+◌́ into á, which would hide one of three marks on a letter.
 */
export function hasMisplacedMarks(text: string): boolean {
  return MISPLACED_MARKS.test(text.normalize('NFD'));
}

/**
 * CSV injection (OWASP): a spreadsheet runs a cell starting with one of these as a formula.
 * Names, employers and every text cell of an imported CSV are refused with such a start wherever
 * they come in (the API or a file), never escaped: the stored name must be the name, and a list
 * of them stays safe to open. Prose (a case's facts, a reason) may start with a dash: it is
 * shown, never exported as cells.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A code as people type or paste it (a certificate or ID number): spaces, lowercase letters,
 * full-width characters from a Chinese keyboard, a zero-width space from a chat. A code has no
 * such characters, so dropping them never changes which one is meant.
 */
export function normalizeTypedCode(input: string): string {
  return withoutInvisibleCharacters(input.normalize('NFKC')).replace(/\s+/g, '').toUpperCase();
}
