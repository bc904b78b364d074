import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CoveredYear, ImportedSchedule, ImportResult, YearHistory } from '../calendar.service';
import type { CalendarSource } from '../holiday-calendar';

/** The request body of an import: the file format of docs/calendar.md (checked by readScheduleFile). */
export class ScheduleFileDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: '国办发明电〔2026〕7号', description: "the State Council notice's document number" })
  documentNumber!: string;
  @ApiProperty({ example: '2026-11-06', description: "the notice's date" }) publishedOn!: string;
  @ApiProperty({
    type: [String],
    example: ['2027-01-01', '2027-01-02', '2027-01-03'],
    description: 'every day off (放假), weekends inside a holiday block included',
  })
  holidays!: string[];
  @ApiProperty({ type: [String], example: ['2027-01-31'], description: 'weekend days worked (调休上班)' })
  makeUpWorkingDays!: string[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) note?: string | null;
}

export class ImportedScheduleDto extends ScheduleFileDto implements ImportedSchedule {
  @ApiProperty({ type: String, nullable: true }) declare note: string | null;
  @ApiProperty() importedAt!: string;
  @ApiProperty({ description: 'officer or cli:<user>' }) importedBy!: string;
  @ApiProperty() contentSha256!: string;
}

export class ScheduleImportResultDto implements ImportResult {
  @ApiProperty({ type: ImportedScheduleDto }) schedule!: ImportedScheduleDto;
  @ApiProperty({ type: ImportedScheduleDto, nullable: true, description: 'the import this one replaces' })
  replaced!: ImportedScheduleDto | null;

  static from(result: ImportResult): ScheduleImportResultDto {
    return Object.assign(new ScheduleImportResultDto(), result);
  }
}

export class CoveredYearDto implements CoveredYear {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['imported', 'package'] }) source!: CalendarSource;
  @ApiProperty({ description: 'imported for a year chinese-days knows too: the import wins' })
  overridesPackage!: boolean;
  @ApiProperty({ type: String, nullable: true }) documentNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) importedAt!: string | null;

  static from(year: CoveredYear): CoveredYearDto {
    return Object.assign(new CoveredYearDto(), year);
  }
}

export class YearHistoryDto implements YearHistory {
  @ApiProperty() year!: number;
  @ApiProperty({
    enum: ['imported', 'package'],
    nullable: true,
    description: 'null: not covered, working days in this year are refused',
  })
  source!: CalendarSource | null;
  @ApiProperty({ type: [ImportedScheduleDto], description: 'every import of the year, the one in force first' })
  imports!: ImportedScheduleDto[];

  static from(history: YearHistory): YearHistoryDto {
    return Object.assign(new YearHistoryDto(), history);
  }
}
