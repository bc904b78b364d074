import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { officerActor } from '../audit/audit.service';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { CalendarService } from './calendar.service';
import { CoveredYearDto, ScheduleImportResultDto, ScheduleFileDto, YearHistoryDto } from './dto/calendar.dto';
import { YearParamPipe } from './year-param.pipe';

@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  // The body is the file of docs/calendar.md, checked by the same code as calendar:import.
  @Put('years/:year')
  @RequireRole('admin')
  @ApiBody({ type: ScheduleFileDto })
  @ApiOperation({
    summary:
      "Load a year's official holiday schedule (放假调休安排); replaces the year's schedule, earlier imports are kept",
  })
  @ApiOkResponse({ type: ScheduleImportResultDto })
  async importYear(
    @Param('year', YearParamPipe) year: number,
    @Body() body: unknown,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ScheduleImportResultDto> {
    return ScheduleImportResultDto.from(await this.calendar.importYear(body, officerActor(officer), year));
  }

  @Get('years')
  @RequireRole('admin', 'auditor')
  @ApiOperation({
    summary: 'The years working days can be counted in, and where each schedule comes from (imported or chinese-days)',
  })
  @ApiOkResponse({ type: [CoveredYearDto] })
  async years(): Promise<CoveredYearDto[]> {
    return (await this.calendar.coveredYears()).map((year) => CoveredYearDto.from(year));
  }

  @Get('years/:year')
  @RequireRole('admin', 'auditor')
  @ApiOperation({ summary: "A year's source and every import of it, the one in force first" })
  @ApiOkResponse({ type: YearHistoryDto })
  async year(@Param('year', YearParamPipe) year: number): Promise<YearHistoryDto> {
    return YearHistoryDto.from(await this.calendar.yearHistory(year));
  }
}
