import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';
import { code } from '../../common/validation.pipe';
import { ROLES, type Role } from '../officer.entity';
// Too long is answered like too short (officer-rules.ts): one code, the same words.
import { PASSWORD_RULE, USERNAME_RULE } from '../officer-rules';

/** A new officer of the admin's own authority (the authority is never taken from the body). */
export class CreateOfficerDto {
  @ApiProperty({ example: 'amr-issuer2', description: '3–64 characters of a-z, 0-9, dot, dash or underscore' })
  @IsString()
  @HasNoInvisibleCharacters(code('OFFICER_INVALID'))
  @MaxLength(64, { message: USERNAME_RULE, ...code('OFFICER_INVALID') })
  username!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['issuer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ description: 'Initial password, 12–256 characters' })
  @IsString()
  @MaxLength(256, { message: PASSWORD_RULE, ...code('OFFICER_INVALID') })
  password!: string;
}

export class UpdateOfficerDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'A disabled officer can neither sign in nor use a token or session' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The new password, 12–256 characters' })
  @IsString()
  @MaxLength(256, { message: PASSWORD_RULE, ...code('OFFICER_INVALID') })
  password!: string;
}
