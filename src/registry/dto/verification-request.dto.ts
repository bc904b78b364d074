import { ApiProperty } from '@nestjs/swagger';
import { IsString, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { code } from '../../common/validation.pipe';

function IsObjectOrString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isObjectOrString',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
        defaultMessage: () => 'credential must be the General JWS JSON object or its JSON text',
      },
    },
    options,
  );
}

/** Exactly one of `credential` and `token`. */
export class VerificationRequestDto {
  @ApiProperty({
    required: false,
    description: 'The credential: an RFC 7515 General JWS JSON object, or that JSON as a string',
    oneOf: [{ type: 'object' }, { type: 'string' }],
  })
  // Absent is fine (the other field may carry it); null is a wrong type, not an absence.
  @ValidateIf((request: VerificationRequestDto) => request.credential !== undefined)
  @IsObjectOrString(code('VERIFICATION_REQUEST_INVALID'))
  credential?: object | string;

  @ApiProperty({
    required: false,
    description: 'The QR token: <header>.<payload>.<signature>~<header>..<signature> (docs/qr-token.md)',
  })
  @ValidateIf((request: VerificationRequestDto) => request.token !== undefined)
  @IsString({ message: 'token must be a string', ...code('VERIFICATION_REQUEST_INVALID') })
  token?: string;
}
