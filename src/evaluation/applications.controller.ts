import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../common/id-param.pipe';
import { AcceptsCsv } from '../common/route-rules';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { officerActor } from '../audit/audit.service';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { ApplicationsService } from './applications.service';
import { CsvBody } from './csv-body';
import { ApplicationDto, ApplicationResponseDto, ApplicationsImportResultDto } from './dto/application.dto';
import { RoundResponseDto } from './dto/round.dto';

@ApiTags('evaluation')
@Controller('api/v1/evaluation/rounds/:id')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('applications')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add one application; a banned applicant is refused with the ban end date' })
  @ApiCreatedResponse({ type: ApplicationResponseDto })
  async add(
    @Param('id', IdParamPipe) id: number,
    @Body() body: ApplicationDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ApplicationResponseDto> {
    return ApplicationResponseDto.from(await this.applications.addOne(id, body, officerActor(officer)), undefined);
  }

  @Post('applications/import')
  @HttpCode(200)
  @RequireRole('admin')
  @AcceptsCsv()
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'UTF-8 CSV with the columns of docs/evaluation.md',
  })
  @ApiOperation({
    summary:
      'Import applications from a CSV file; any bad row imports nothing (CSV_INVALID lists line, column, reason)',
  })
  @ApiOkResponse({ type: ApplicationsImportResultDto })
  async import(
    @Param('id', IdParamPipe) id: number,
    @CsvBody() csv: Buffer,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ApplicationsImportResultDto> {
    return { imported: await this.applications.importCsv(id, csv, officerActor(officer)) };
  }

  @Get('applications')
  @RequireRole('admin', 'auditor', 'issuer')
  @ApiOperation({ summary: "The round's applications with eligibility, tally, outcome and certificate" })
  @ApiOkResponse({ type: [ApplicationResponseDto] })
  async list(@Param('id', IdParamPipe) id: number): Promise<ApplicationResponseDto[]> {
    return (await this.applications.list(id)).map(({ application, tally }) =>
      ApplicationResponseDto.from(application, tally),
    );
  }

  @Post('eligibility-check')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Check every application again (bans included) and mark it eligible or not (四.三.4)' })
  @ApiOkResponse({ type: RoundResponseDto })
  async check(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.applications.checkEligibility(id, officerActor(officer)));
  }
}
