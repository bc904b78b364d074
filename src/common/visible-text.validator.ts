import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { invisibleCharacterIn } from './text-input';

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
