import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../common/id-param.pipe';
import { AcceptsCsv } from '../common/route-rules';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvBody } from './csv-body';
import { officerActor } from '../audit/audit.service';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { AttendanceDto, ConfirmationDto, TallyDto } from './dto/meeting.dto';
import {
  IssuanceReportDto,
  ObjectionDto,
  ObjectionResponseDto,
  PublicationDto,
  PublicationRejectionDto,
  PublicityDto,
  ResolutionDto,
} from './dto/results.dto';
import { RoundResponseDto } from './dto/round.dto';
import { IssuanceProgressDto } from './dto/round-list.dto';
import { MeetingsService } from './meetings.service';
import { PublicityService } from './publicity.service';
import { RoundIssuanceService } from './round-issuance.service';
import { TallyResultDto } from './dto/meeting-results.dto';

/** The meeting, the publicity of results, the publication and the issuance. */
@ApiTags('evaluation')
@Controller('api/v1/evaluation/rounds/:id')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly publicity: PublicityService,
    private readonly issuance: RoundIssuanceService,
  ) {}

  @Post('attendance')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: record the committee members present (again until the ballots are counted)' })
  @ApiOkResponse({ type: RoundResponseDto })
  async attendance(
    @Param('id', IdParamPipe) id: number,
    @Body() body: AttendanceDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.meetings.recordAttendance(id, body.present, officerActor(officer)));
  }

  @Post('tally')
  @HttpCode(200)
  @ApiOkResponse({ type: TallyResultDto })
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'AMR: record the counted secret ballots per applicant, once (quorum ⅔ of the committee; pass with ⅔ of those present)',
  })
  async tally(
    @Param('id', IdParamPipe) id: number,
    @Body() body: TallyDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<{ passed: number[]; failed: number[] }> {
    const rows = await this.meetings.recordTally(id, body.tallies, officerActor(officer));
    return {
      passed: rows.filter((r) => r.passed).map((r) => r.applicationId),
      failed: rows.filter((r) => !r.passed).map((r) => r.applicationId),
    };
  }

  @Post('tally/import')
  @HttpCode(200)
  @ApiOkResponse({ type: TallyResultDto })
  @RequireRole('admin')
  @AcceptsCsv()
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'UTF-8 CSV: 身份证号,赞成,反对,弃权' })
  @ApiOperation({ summary: "The same from the scrutineers' CSV file (applicants by ID number)" })
  async tallyCsv(
    @Param('id', IdParamPipe) id: number,
    @CsvBody() csv: Buffer,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<{ passed: number[]; failed: number[] }> {
    const rows = await this.meetings.recordTallyCsv(id, csv, officerActor(officer));
    return {
      passed: rows.filter((r) => r.passed).map((r) => r.applicationId),
      failed: rows.filter((r) => !r.passed).map((r) => r.applicationId),
    };
  }

  @Post('result-confirmation')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: the presiding chair or vice-chair confirms the result (→ MEETING_HELD)' })
  @ApiOkResponse({ type: RoundResponseDto })
  async confirm(
    @Param('id', IdParamPipe) id: number,
    @Body() body: ConfirmationDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.meetings.confirm(id, body.presidingCode, officerActor(officer)));
  }

  @Post('results-publicity')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: record the publicity of the results, ≥ 5 working days (→ RESULTS_PUBLICISED)' })
  @ApiOkResponse({ type: RoundResponseDto })
  async publicise(
    @Param('id', IdParamPipe) id: number,
    @Body() body: PublicityDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.publicity.startPublicity(id, body, officerActor(officer)));
  }

  @Post('objections')
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: record a complaint received during the publicity' })
  @ApiCreatedResponse({ type: ObjectionResponseDto })
  async object(
    @Param('id', IdParamPipe) id: number,
    @Body() body: ObjectionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ObjectionResponseDto> {
    return ObjectionResponseDto.from(await this.publicity.addObjection(id, body, officerActor(officer)));
  }

  @Get('objections')
  @RequireRole('admin', 'auditor')
  @ApiOkResponse({ type: [ObjectionResponseDto] })
  async objections(@Param('id', IdParamPipe) id: number): Promise<ObjectionResponseDto[]> {
    return (await this.publicity.listObjections(id)).map((o) => ObjectionResponseDto.from(o));
  }

  @Post('objections/:objectionId/resolution')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'AMR: resolve a complaint; upheld withholds the applicant' })
  @ApiOkResponse({ type: ObjectionResponseDto })
  async resolve(
    @Param('id', IdParamPipe) id: number,
    @Param('objectionId', IdParamPipe) objectionId: number,
    @Body() body: ResolutionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ObjectionResponseDto> {
    return ObjectionResponseDto.from(
      await this.publicity.resolveObjection(id, objectionId, body, officerActor(officer)),
    );
  }

  @Post('publication')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Either authority: propose the joint publication (联合发文) after the publicity, objections resolved; the other confirms',
  })
  @ApiOkResponse({ type: RoundResponseDto })
  async publish(
    @Param('id', IdParamPipe) id: number,
    @Body() body: PublicationDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.publicity.proposePublication(id, body, officerActor(officer)));
  }

  @Post('publication/confirmation')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'The other authority: confirm the proposed joint publication (→ PUBLISHED)' })
  @ApiOkResponse({ type: RoundResponseDto })
  async confirmPublication(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.publicity.confirmPublication(id, officerActor(officer)));
  }

  @Post('publication/rejection')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Either authority: reject (or withdraw) the proposed joint publication, with the reason' })
  @ApiOkResponse({ type: RoundResponseDto })
  async rejectPublication(
    @Param('id', IdParamPipe) id: number,
    @Body() body: PublicationRejectionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.publicity.rejectPublication(id, body.reason, officerActor(officer)));
  }

  @Get('issuance')
  @RequireRole('issuer', 'admin', 'auditor')
  @ApiOperation({ summary: 'Where the issuance stands: poll it while a run is under way (also after a reload)' })
  @ApiOkResponse({ type: IssuanceProgressDto })
  async issuanceProgress(@Param('id', IdParamPipe) id: number): Promise<IssuanceProgressDto> {
    return this.issuance.progress(id);
  }

  @Post('issuance')
  @HttpCode(200)
  @RequireRole('issuer')
  @ApiOperation({
    summary: 'Issue the certificates of everyone who passed and is not withheld; safe to rerun (large rounds: the CLI)',
  })
  @ApiOkResponse({ type: IssuanceReportDto })
  async issue(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<IssuanceReportDto> {
    const { total, created, existing, conflicts, state } = await this.issuance.issueAll(id, officerActor(officer));
    return { total, created, existing, conflicts, state };
  }
}
