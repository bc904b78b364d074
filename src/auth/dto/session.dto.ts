import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../officers/officer.entity';
import { AUTHORITY_IDS, type AuthorityId } from '../../keys/authority';

export class SessionOfficerDto {
  @ApiProperty({ example: 'amr-admin' })
  username!: string;

  @ApiProperty({ enum: AUTHORITY_IDS, example: 'amr' })
  authority!: AuthorityId;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['admin'] })
  roles!: Role[];
}

/** The signed-in officer; the session secret itself travels only in the HttpOnly cookie. */
export class SessionResponseDto {
  @ApiProperty({ type: SessionOfficerDto })
  officer!: SessionOfficerDto;

  @ApiProperty({
    description: 'When the session ends unless used again (30 min idle, 8 h after sign-in at most)',
    example: '2026-03-02T02:30:00.000Z',
  })
  expiresAt!: string;
}
