import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../common/id-param.pipe';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { DecisionCasesService } from './decision-cases.service';
import { DecisionCaseResponseDto } from './dto/decision-case-response.dto';
import { ProposeReinstatementDto, ProposeRevocationDto, RejectionDto } from './dto/decision-requests.dto';

@ApiTags('office')
@Controller('api/v1/revocations')
export class RevocationsController {
  constructor(private readonly cases: DecisionCasesService) {}

  @Post()
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Propose revoking a certificate for misconduct (confirmed by the other authority)' })
  @ApiCreatedResponse({ type: DecisionCaseResponseDto })
  async propose(
    @Body() body: ProposeRevocationDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.proposeRevocation(body, officer));
  }

  @Get(':id')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async get(@Param('id', IdParamPipe) id: number): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.get('REVOCATION', id));
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Confirm, as a revoker of the OTHER authority; the certificate is revoked at once' })
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async confirm(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.confirm('REVOCATION', id, officer));
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Reject a proposed revocation; it ends without effect' })
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async reject(
    @Param('id', IdParamPipe) id: number,
    @Body() body: RejectionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.reject('REVOCATION', id, body.reason, officer));
  }
}

@ApiTags('office')
@Controller('api/v1/reinstatements')
export class ReinstatementsController {
  constructor(private readonly cases: DecisionCasesService) {}

  @Post()
  @RequireRole('revoker')
  @ApiOperation({ summary: 'Propose reversing a revocation after re-examination (复审)' })
  @ApiCreatedResponse({ type: DecisionCaseResponseDto })
  async propose(
    @Body() body: ProposeReinstatementDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.proposeReinstatement(body, officer));
  }

  @Get(':id')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async get(@Param('id', IdParamPipe) id: number): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.get('REINSTATEMENT', id));
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOperation({
    summary: 'Confirm, as a revoker of the OTHER authority; the certificate is VALID again, bans lifted',
  })
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async confirm(
    @Param('id', IdParamPipe) id: number,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.confirm('REINSTATEMENT', id, officer));
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @RequireRole('revoker')
  @ApiOkResponse({ type: DecisionCaseResponseDto })
  async reject(
    @Param('id', IdParamPipe) id: number,
    @Body() body: RejectionDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseResponseDto> {
    return DecisionCaseResponseDto.from(await this.cases.reject('REINSTATEMENT', id, body.reason, officer));
  }
}
