import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last certificate sequence number handed out per level and evaluation year. */
@Entity({ name: 'certificate_sequences' })
export class CertificateSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  level!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
