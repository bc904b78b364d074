import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { FORMULA_START, invisibleCharacterIn, invisibleCharacterInProse } from './text-input';

/**
 * A name that refuses characters which draw nothing (zero-width, bidi controls, fillers): two
 * names that look the same must be the same text. The message names the field and the
 * character, e.g. "name must not contain the invisible character U+200B".
 * Place it right below the type check: it passes anything that is not a string.
 */
export function HasNoInvisibleCharacters(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasNoInvisibleCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || invisibleCharacterIn(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'text'} must not contain the invisible character ${invisibleCharacterIn(String(args?.value)) ?? ''}`.trimEnd(),
      },
    },
    options,
  );
}

/** Prose (facts found, a reason): line breaks and tabs allowed, every other invisible character refused. */
export function IsVisibleProse(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVisibleProse',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || invisibleCharacterInProse(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'text'} must not contain the invisible character ${invisibleCharacterInProse(String(args?.value)) ?? ''}`.trimEnd(),
      },
    },
    options,
  );
}

/** A name or free text that a spreadsheet would not run as a formula (FORMULA_START), as in CSV files. */
export function IsNotFormula(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotFormula',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !FORMULA_START.test(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'text'} must not start with =, +, - or @: a spreadsheet would run it as a formula`,
      },
    },
    options,
  );
}
