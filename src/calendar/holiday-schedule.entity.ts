import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One import of a year's official schedule. Rows are only ever added: a re-import adds a row and
 * the latest row of a year (highest id) is its schedule, so every earlier version stays readable.
 */
@Entity({ name: 'holiday_schedules' })
@Index('ix_holiday_schedules_year', ['year'])
export class HolidayScheduleEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  year!: number;

  /** The State Council notice, e.g. 国办发明电〔2026〕7号. */
  @Column({ name: 'document_number', type: 'varchar', length: 64 })
  documentNumber!: string;

  @Column({ name: 'published_on', type: 'varchar', length: 10 })
  publishedOn!: string;

  /** JSON array of 'YYYY-MM-DD', sorted. */
  @Column({ type: 'text' })
  holidays!: string;

  /** JSON array of 'YYYY-MM-DD', sorted: weekend days worked (调休上班). */
  @Column({ name: 'make_up_working_days', type: 'text' })
  makeUpWorkingDays!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  /** SHA-256 of the schedule's canonical JSON, recorded in the audit log too. */
  @Column({ name: 'content_sha256', type: 'varchar', length: 64 })
  contentSha256!: string;

  @Column({ name: 'imported_at', type: 'varchar', length: 24 })
  importedAt!: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 64 })
  importedBy!: string;
}
