import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import { IdParamPipe } from '../common/id-param.pipe';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { ApplicantBansService } from './applicant-bans.service';
import { ProposeApplicantBanDto } from './dto/applicant-ban-requests.dto';
import { ApplicantBanResponseDto } from './dto/applicant-ban-response.dto';
import { RejectionDto } from './dto/decision-requests.dto';

@ApiTags('office')
@Controller('api/v1/applicant-bans')
export class ApplicantBansController {
  constructor(private readonly bans: ApplicantBansService) {}

  @Post()
  @RequireRole('revoker')
  @ApiOperation({
    summary: 'Propose banning an applicant of a round without a certificate (confirmed by the other authority)',
  })
  @ApiCreatedResponse({ type: ApplicantBanResponseDto })
  async propose(
    @Body() body: ProposeApplicantBanDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ApplicantBanResponseDto> {
    return ApplicantBanResponseDto.from(await this.bans.propose(body, officer));
  }

  @Get(':id')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOkResponse({ type: ApplicantBanResponseDto })
  async get(@Param('id', IdParamPipe) id: number): Promise<ApplicantBanResponseDto> {
    return ApplicantBanResponseDto.from(await this.bans.get(id));
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Confirm, as a revoker of the OTHER authority; the applicant is barred and published' })
  @ApiOkResponse({ type: ApplicantBanResponseDto })
  async confirm(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ApplicantBanResponseDto> {
    return ApplicantBanResponseDto.from(await this.bans.confirm(id, officer));
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Reject a proposed applicant ban; it ends without a ban' })
  @ApiOkResponse({ type: ApplicantBanResponseDto })
  async reject(
    @Param('id', IdParamPipe) id: number,
    @Body() body: RejectionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<ApplicantBanResponseDto> {
    return ApplicantBanResponseDto.from(await this.bans.reject(id, body.reason, officer));
  }
}
