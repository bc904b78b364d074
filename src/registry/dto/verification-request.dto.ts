import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, ValidateBy, ValidationOptions } from 'class-validator';
import { code } from '../../common/validation.pipe';

function IsObjectOrString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isObjectOrString',
      validator: {
        validate: (value: unknown) => typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
        defaultMessage: () => 'credential must be the General JWS JSON object or its JSON text',
      },
    },
    options,
  );
}

export class VerificationRequestDto {
  @ApiProperty({
    description: 'The credential: an RFC 7515 General JWS JSON object, or that JSON as a string',
    oneOf: [{ type: 'object' }, { type: 'string' }],
  })
  @IsDefined({ message: 'credential is required', ...code('VERIFICATION_REQUEST_INVALID') })
  @IsObjectOrString(code('VERIFICATION_REQUEST_INVALID'))
  credential!: object | string;
}
