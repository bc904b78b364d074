import { ApiProperty } from '@nestjs/swagger';
import { AUTHORITY_IDS, type AuthorityId } from '../../keys/authority';
import { ROLES, type OfficerEntity, type Role } from '../officer.entity';

/** An office account as its authority's admin sees it (never the password hash). */
export class OfficerResponseDto {
  @ApiProperty({ example: 'amr-issuer' }) username!: string;
  @ApiProperty({ enum: AUTHORITY_IDS }) authority!: AuthorityId;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ example: '2026-03-02T01:00:00.000Z' }) createdAt!: string;

  static of(entity: OfficerEntity): OfficerResponseDto {
    return {
      username: entity.username,
      authority: entity.authority,
      roles: entity.roles.split(',') as Role[],
      disabled: Boolean(entity.disabled),
      createdAt: entity.createdAt,
    };
  }
}

export class OfficerListResponseDto {
  @ApiProperty({ type: [OfficerResponseDto] }) items!: OfficerResponseDto[];
}
