import { Command, CommandRunner } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { CalendarService, ImportResult } from '../calendar/calendar.service';
import { AppError } from '../common/app-error';
import { readInputFile } from './evaluation-cli-support';

@Command({
  name: 'calendar:import',
  arguments: '<file>',
  description:
    "Load a year's official holiday schedule from a JSON file (docs/calendar.md); replaces the year's schedule",
})
export class CalendarImportCommand extends CommandRunner {
  constructor(private readonly calendars: CalendarService) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const raw = parseJson(readInputFile(file), file);
    try {
      console.log(summary(await this.calendars.importYear(raw, cliActor())));
    } catch (error) {
      // Each problem of a refused file on its own line, then the error itself.
      const problems =
        error instanceof AppError
          ? ((error.details?.problems ?? []) as Array<{ field: string; code: string; reason: string }>)
          : [];
      for (const p of problems) console.error(`${p.field || '(file)'}: ${p.reason} [${p.code}]`);
      throw error;
    }
  }
}

function parseJson(data: Buffer, file: string): unknown {
  try {
    // A BOM is what some Windows editors put before UTF-8 text; it is not part of the JSON.
    return JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('CALENDAR_INVALID', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function summary({ schedule, replaced }: ImportResult): string {
  const what = `${schedule.holidays.length} holidays, ${schedule.makeUpWorkingDays.length} make-up working days`;
  const before = replaced ? `replaces ${replaced.documentNumber} imported ${replaced.importedAt}` : 'new';
  return `Imported the ${schedule.year} holiday schedule (${schedule.documentNumber} of ${schedule.publishedOn}): ${what}; ${before}.`;
}
