import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  FORMULA_START,
  hasMisplacedMarks,
  invisibleCharacterIn,
  invisibleCharacterInProse,
  pictographIn,
} from './text-input';

/**
 * A rule on text: `problemIn` names what is wrong with a string (undefined: nothing), and the
 * message says it under the field's name. Anything that is not a string passes: place the rule
 * right below the type check.
 */
function textRule(
  name: string,
  problemIn: (text: string) => string | undefined,
  message: (property: string, problem: string) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || problemIn(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          message(args?.property ?? 'text', problemIn(String(args?.value)) ?? ''),
      },
    },
    options,
  );
}

/**
 * The rules that refuse an invisible character, by constraint name, each with the finder naming
 * the character (`U+XXXX`): the decorators below check with it, and the validation pipe reports
 * it as `details.character` (src/common/validation.pipe.ts).
 */
export const INVISIBLE_CHARACTER_RULES = {
  hasNoInvisibleCharacters: invisibleCharacterIn,
  isVisibleProse: invisibleCharacterInProse,
} as const satisfies Record<string, (text: string) => string | undefined>;

const invisible = (property: string, character: string) =>
  `${property} must not contain the invisible character ${character}`.trimEnd();

/**
 * A name that refuses characters which draw nothing (zero-width, bidi controls, fillers): two
 * names that look the same must be the same text. The message names the field and the
 * character, e.g. "name must not contain the invisible character U+200B".
 */
export function HasNoInvisibleCharacters(options?: ValidationOptions): PropertyDecorator {
  const name = 'hasNoInvisibleCharacters';
  return textRule(name, INVISIBLE_CHARACTER_RULES[name], invisible, options);
}

/** Prose (facts found, a reason): line breaks and tabs allowed, every other invisible character refused. */
export function IsVisibleProse(options?: ValidationOptions): PropertyDecorator {
  const name = 'isVisibleProse';
  return textRule(name, INVISIBLE_CHARACTER_RULES[name], invisible, options);
}

/** A name without a combining mark alone or stacked more than two on a letter (`hasMisplacedMarks`). */
export function HasNoMisplacedMarks(options?: ValidationOptions): PropertyDecorator {
  return textRule(
    'hasNoMisplacedMarks',
    (text) =>
      hasMisplacedMarks(text) ? 'a combining mark with no letter before it, or more than two on one' : undefined,
    (property, problem) => `${property} must not contain ${problem}`,
    options,
  );
}

/**
 * An organisation's name as printed on a certificate: no emoji, pictograph or other symbol
 * (`pictographIn`; Unicode So, which takes in the Kangxi radicals that look like 工 or 人 when
 * text is copied out of a PDF, and are not the characters of the name).
 */
export function HasNoPictographs(options?: ValidationOptions): PropertyDecorator {
  return textRule(
    'hasNoPictographs',
    pictographIn,
    (property, symbol) =>
      `${property} must not contain the symbol ${symbol}: emoji and pictographs are not part of a name`,
    options,
  );
}

/** A name or free text that a spreadsheet would not run as a formula (FORMULA_START), as in CSV files. */
export function IsNotFormula(options?: ValidationOptions): PropertyDecorator {
  return textRule(
    'isNotFormula',
    (text) => (FORMULA_START.test(text) ? text[0] : undefined),
    (property) => `${property} must not start with =, +, - or @: a spreadsheet would run it as a formula`,
    options,
  );
}
