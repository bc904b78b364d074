import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { HasNoInvisibleCharacters } from '../../common/visible-text.validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'amr-issuer' })
  @IsString()
  @HasNoInvisibleCharacters()
  @MinLength(1)
  @MaxLength(64)
  // No username has control characters; PostgreSQL would also refuse a NUL in the lookup.
  @Matches(/^[^\p{Cc}]*$/u, { message: 'username must not contain control characters' })
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Lifetime in seconds', example: 900 })
  expiresIn!: number;
}
