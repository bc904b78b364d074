import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../common/id-param.pipe';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { officerActor } from '../audit/audit.service';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import {
  CommitmentDto,
  CommitteeMemberDto,
  DrawCheckDto,
  DrawRecordDto,
  RevealDto,
  WithdrawalDto,
  WitnessDto,
} from './dto/draw.dto';
import { RoundResponseDto } from './dto/round.dto';
import { CommitteeService } from './committee.service';
import { DrawWitnessService } from './draw-witness.service';
import { DrawsService } from './draws.service';
import { WithdrawalResultDto } from './dto/meeting-results.dto';

@ApiTags('evaluation')
@Controller('api/v1/evaluation/rounds/:id')
export class DrawsController {
  constructor(
    private readonly draws: DrawsService,
    private readonly witnesses: DrawWitnessService,
    private readonly committees: CommitteeService,
  ) {}

  @Post('draw-commitment')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Publish SHA-256 of the secret seed; freezes the pool snapshot and the seat plan' })
  @ApiOkResponse({ type: RoundResponseDto })
  async commit(
    @Param('id', IdParamPipe) id: number,
    @Body() body: CommitmentDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.draws.commit(id, body, officerActor(officer)));
  }

  @Post('draw-witness')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Record the public witness value (published after the commitment) that keys the draw with the seed',
  })
  @ApiOkResponse({ type: RoundResponseDto })
  async witness(
    @Param('id', IdParamPipe) id: number,
    @Body() body: WitnessDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<RoundResponseDto> {
    return RoundResponseDto.from(await this.witnesses.record(id, body, officerActor(officer)));
  }

  @Post('draw')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Reveal the seed and draw the committee (SEED_MISMATCH unless it is the committed seed)' })
  @ApiOkResponse({ type: [CommitteeMemberDto] })
  async reveal(
    @Param('id', IdParamPipe) id: number,
    @Body() body: RevealDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<CommitteeMemberDto[]> {
    return (await this.draws.reveal(id, body.seed, officerActor(officer))).map(
      ({ code, name, affiliation, specialty, role }) => ({ code, name, affiliation, specialty, role }),
    );
  }

  @Get('draw')
  @ApiOperation({
    summary:
      'Public: the published draw record (commitment, pool snapshot, seat plan, seed, committee codes) to recompute it',
  })
  @ApiOkResponse({ type: DrawRecordDto })
  record(@Param('id', IdParamPipe) id: number): Promise<DrawRecordDto> {
    return this.draws.record(id);
  }

  @Get('draw/verification')
  @ApiOperation({ summary: 'Public: recompute the draw from its record and say whether it matches' })
  @ApiOkResponse({ type: DrawCheckDto })
  async verify(@Param('id', IdParamPipe) id: number): Promise<DrawCheckDto> {
    const { commitmentMatches, snapshotMatches, committeeMatches, withdrawalsMatch, matches } =
      await this.draws.verify(id);
    return { commitmentMatches, snapshotMatches, committeeMatches, withdrawalsMatch, matches };
  }

  @Get('committee')
  @RequireRole('admin', 'auditor')
  @ApiOperation({ summary: 'The committee that sits, with names (office only): withdrawn members replaced' })
  @ApiOkResponse({ type: [CommitteeMemberDto] })
  async committee(@Param('id', IdParamPipe) id: number): Promise<CommitteeMemberDto[]> {
    return (await this.draws.committeeOfRound(id)).map(({ code, name, affiliation, specialty, role }) => ({
      code,
      name,
      affiliation,
      specialty,
      role,
    }));
  }

  @Post('committee/withdrawals')
  @HttpCode(200)
  @ApiOkResponse({ type: WithdrawalResultDto })
  @RequireRole('admin')
  @ApiOperation({
    summary: "Record a member's declared withdrawal (回避) before the meeting; the next in the ranking sits",
  })
  async withdraw(
    @Param('id', IdParamPipe) id: number,
    @Body() body: WithdrawalDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<{ withdrawn: CommitteeMemberDto; replacement: CommitteeMemberDto }> {
    const { withdrawn, replacement } = await this.committees.declareWithdrawal(
      id,
      body.code,
      body.reason,
      officerActor(officer),
    );
    const dto = ({ code, name, affiliation, specialty, role }: CommitteeMemberDto) => ({
      code,
      name,
      affiliation,
      specialty,
      role,
    });
    return { withdrawn: dto(withdrawn), replacement: dto(replacement) };
  }
}
