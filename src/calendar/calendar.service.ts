import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { CalendarSource, HolidayCalendar, packageCoversYear, packageYears } from './holiday-calendar';
import { HolidayScheduleEntity } from './holiday-schedule.entity';
import { readScheduleFile, ScheduleFile } from './schedule-file';

export interface ImportedSchedule extends ScheduleFile {
  importedAt: string;
  importedBy: string;
  contentSha256: string;
}

export interface CoveredYear {
  year: number;
  source: CalendarSource;
  /** An imported schedule for a year the package knows too: the import wins. */
  overridesPackage: boolean;
  documentNumber: string | null;
  publishedOn: string | null;
  importedAt: string | null;
}

export interface YearHistory {
  year: number;
  /** null: not covered, working days in the year are refused. */
  source: CalendarSource | null;
  imports: ImportedSchedule[];
}

export interface ImportResult {
  schedule: ImportedSchedule;
  /** The schedule this import replaces, if the year had one. */
  replaced: ImportedSchedule | null;
}

/**
 * The office's holiday calendar: imported schedules (docs/calendar.md) over the `chinese-days`
 * package. The schedules are read from the database for each operation rather than cached, so
 * an import by the CLI reaches a running server at once and several servers agree; the table
 * holds a few rows a year.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(HolidayScheduleEntity) private readonly schedules: Repository<HolidayScheduleEntity>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The calendar to count working days with: load once per operation, then count synchronously. */
  async current(): Promise<HolidayCalendar> {
    return new HolidayCalendar([...(await this.currentSchedules()).values()]);
  }

  /**
   * Loads a year's official schedule, replacing the one the year had (imported or from the
   * package). The earlier import stays in the table and the audit log names what was replaced.
   */
  async importYear(raw: unknown, actor: AuditActor, year?: number): Promise<ImportResult> {
    const file = readScheduleFile(raw, { today: chinaDate(this.clock.now()), year });
    const row = Object.assign(new HolidayScheduleEntity(), {
      year: file.year,
      documentNumber: file.documentNumber,
      publishedOn: file.publishedOn,
      holidays: JSON.stringify(file.holidays),
      makeUpWorkingDays: JSON.stringify(file.makeUpWorkingDays),
      note: file.note,
      contentSha256: contentSha256(file),
      importedAt: this.clock.now().toISOString(),
      importedBy: actor.actor.slice(0, 64),
    });
    const replaced = await this.transactions.run(async (manager) => {
      const repo = manager.getRepository(HolidayScheduleEntity);
      const [previous] = await repo.find({ where: { year: file.year }, order: { id: 'DESC' }, take: 1 });
      await repo.insert(row);
      const replaces = previous
        ? {
            documentNumber: previous.documentNumber,
            contentSha256: previous.contentSha256,
            importedAt: previous.importedAt,
          }
        : packageCoversYear(file.year)
          ? 'chinese-days'
          : null;
      await this.audit.append(manager, {
        ...actor,
        action: 'calendar.year.imported',
        subject: `calendar-year:${file.year}`,
        details: { ...file, contentSha256: row.contentSha256, replaces },
      });
      return previous;
    });
    return { schedule: toSchedule(row), replaced: replaced ? toSchedule(replaced) : null };
  }

  /** Every covered year, ascending, with where its schedule comes from. */
  async coveredYears(): Promise<CoveredYear[]> {
    const imported = await this.currentSchedules();
    const fromPackage = new Set(packageYears());
    const years = [...new Set([...fromPackage, ...imported.keys()])].sort((a, b) => a - b);
    return years.map((year) => {
      const schedule = imported.get(year);
      if (!schedule)
        return {
          year,
          source: 'package',
          overridesPackage: false,
          documentNumber: null,
          publishedOn: null,
          importedAt: null,
        };
      return {
        year,
        source: 'imported',
        overridesPackage: fromPackage.has(year),
        documentNumber: schedule.documentNumber,
        publishedOn: schedule.publishedOn,
        importedAt: schedule.importedAt,
      };
    });
  }

  /** A year's source and every import of it, newest (the one in force) first. */
  async yearHistory(year: number): Promise<YearHistory> {
    const imports = (await this.schedules.find({ where: { year }, order: { id: 'DESC' } })).map(toSchedule);
    const source = imports.length > 0 ? 'imported' : packageCoversYear(year) ? 'package' : null;
    return { year, source, imports };
  }

  private async currentSchedules(): Promise<Map<number, ImportedSchedule>> {
    const rows = await this.schedules.find({ order: { id: 'ASC' } });
    // Ascending ids: a later import of a year overwrites the earlier one.
    return new Map(rows.map((row) => [row.year, toSchedule(row)]));
  }
}

function toSchedule(row: HolidayScheduleEntity): ImportedSchedule {
  return {
    year: row.year,
    documentNumber: row.documentNumber,
    publishedOn: row.publishedOn,
    holidays: JSON.parse(row.holidays) as string[],
    makeUpWorkingDays: JSON.parse(row.makeUpWorkingDays) as string[],
    note: row.note,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
    contentSha256: row.contentSha256,
  };
}

/** SHA-256 of the schedule in a fixed field order, so the same notice gives the same hash. */
function contentSha256(file: ScheduleFile): string {
  const canonical = {
    year: file.year,
    documentNumber: file.documentNumber,
    publishedOn: file.publishedOn,
    holidays: file.holidays,
    makeUpWorkingDays: file.makeUpWorkingDays,
    note: file.note,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
