import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IdParamPipe } from '../common/id-param.pipe';
import { AcceptsCsv } from '../common/route-rules';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { officerActor } from '../audit/audit.service';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { CsvBody } from './csv-body';
import {
  CreateRoundDto,
  HrssApprovalDto,
  PreEvaluationReportDto,
  RoundDetailDto,
  RoundResponseDto,
} from './dto/round.dto';
import { PoolSummaryDto } from './dto/pool.dto';
import { RoundListDto, RoundListItemDto } from './dto/round-list.dto';
import { PageQueryDto } from '../common/page-query.dto';
import { PoolsService } from './pools.service';
import { RoundsService } from './rounds.service';

@ApiTags('evaluation')
@Controller('api/v1/evaluation')
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly pools: PoolsService,
  ) {}

  @Post('pools/:level/import')
  @HttpCode(200)
  @RequireRole('admin')
  @AcceptsCsv()
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'UTF-8 CSV with the columns of docs/evaluation.md',
  })
  @ApiQuery({
    name: 'reviewedOn',
    required: false,
    description: 'the date of the pool review (三.二.2); default today',
  })
  @ApiOperation({ summary: "AMR: replace a level's expert pool from a CSV file; any bad row imports nothing" })
  async importPool(
    @Param('level') level: string,
    @CsvBody() csv: Buffer,
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Query('reviewedOn') reviewedOn?: string,
  ): Promise<PoolSummaryDto> {
    return PoolSummaryDto.from(await this.pools.importCsv(level, csv, reviewedOn, officerActor(officer)));
  }

  @Get('pools/:level')
  @RequireRole('admin', 'auditor')
  @ApiQuery({ name: 'at', required: false, description: 'count eligibility on this date; default today' })
  @ApiOperation({ summary: 'The pool: members, eligible members by specialty, review date and overdue flag' })
  async pool(@Param('level') level: string, @Query('at') at?: string): Promise<PoolSummaryDto> {
    return PoolSummaryDto.from(await this.pools.summary(level, at));
  }

  @Post('rounds')
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: open the annual round of a level' })
  async create(
    @Body() body: CreateRoundDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.rounds.create(body, officerActor(officer)));
  }

  @Get('rounds')
  @RequireRole('admin', 'auditor', 'issuer')
  @ApiOperation({ summary: 'The rounds, newest first, paged by `before`' })
  @ApiOkResponse({ type: RoundListDto })
  async list(@Query() query: PageQueryDto): Promise<RoundListDto> {
    const { rows, nextBefore } = await this.rounds.list(query);
    return { items: rows.map((r) => RoundListItemDto.from(r)), nextBefore };
  }

  @Get('rounds/:id')
  @RequireRole('admin', 'auditor', 'issuer')
  @ApiOperation({ summary: 'A round with the dates its working-day calendar gives (report deadline, publicity end)' })
  @ApiOkResponse({ type: RoundDetailDto })
  async get(@Param('id', IdParamPipe) id: number): Promise<RoundDetailDto> {
    const { round, dates, publicationRejection } = await this.rounds.getWithDates(id);
    return RoundDetailDto.withDates(round, dates, publicationRejection);
  }

  @Post('rounds/:id/applications-closure')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: close applications today (OPEN → APPLICATIONS_CLOSED)' })
  async close(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.rounds.closeApplications(id, officerActor(officer)));
  }

  @Post('rounds/:id/pre-evaluation-report')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: record the report to HRSS (≥ 10 working days before the meeting)' })
  async report(
    @Param('id', IdParamPipe) id: number,
    @Body() body: PreEvaluationReportDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.rounds.reportPreEvaluation(id, body, officerActor(officer)));
  }

  @Post('rounds/:id/hrss-approval')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: "HRSS: record HRSS's approval (核准) of the report (→ PRE_EVALUATION_REPORTED)" })
  async approve(
    @Param('id', IdParamPipe) id: number,
    @Body() body: HrssApprovalDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.rounds.approvePreEvaluation(id, body, officerActor(officer)));
  }
}
