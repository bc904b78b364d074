import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * officers.credential_epoch: counted up when an officer is disabled, and part of the credential
 * stamp every access token carries (src/officers/officers.service.ts), so that disabling ends
 * the tokens issued before it for good, as a password reset does: re-enabling the officer does
 * not bring them back. Existing officers start at 0 (their tokens' stamps change once, at the
 * upgrade: they sign in again).
 */
export class OfficerCredentialEpoch1764380000000 implements MigrationInterface {
  name = 'OfficerCredentialEpoch1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER on both databases: TypeORM's addColumn rebuilds a SQLite table.
    await queryRunner.query('ALTER TABLE officers ADD COLUMN credential_epoch integer NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE officers DROP COLUMN credential_epoch');
  }
}
