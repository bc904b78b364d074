import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth.guard';
import { CaseListsService } from './case-lists.service';
import { ApplicantBanListDto, CaseListDto, CaseListQueryDto, CertificateHistoryDto } from './dto/case-list.dto';

/**
 * The office console's lists. Read by those who decide (revoker), oversee (auditor) or run the
 * office (admin); the list routes sit on the `/…` roots beside each feature's `/:id` routes.
 */
@ApiTags('office')
@Controller('api/v1')
export class CaseListsController {
  constructor(private readonly lists: CaseListsService) {}

  @Get('revocations')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'Revocation cases, newest first, paged by `before`' })
  @ApiOkResponse({ type: CaseListDto })
  revocations(@Query() query: CaseListQueryDto): Promise<CaseListDto> {
    return this.lists.decisionCases('REVOCATION', query);
  }

  @Get('reinstatements')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'Reinstatement cases, newest first, paged by `before`' })
  @ApiOkResponse({ type: CaseListDto })
  reinstatements(@Query() query: CaseListQueryDto): Promise<CaseListDto> {
    return this.lists.decisionCases('REINSTATEMENT', query);
  }

  @Get('applicant-bans')
  @RequireRole('revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'Applicant-ban cases, newest first, paged by `before`' })
  @ApiOkResponse({ type: ApplicantBanListDto })
  applicantBans(@Query() query: CaseListQueryDto): Promise<ApplicantBanListDto> {
    return this.lists.applicantBanCases(query);
  }

  @Get('certificates/:certificateNo/history')
  @RequireRole('issuer', 'revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'A certificate’s statuses: issued, then each confirmed revocation and reinstatement' })
  @ApiOkResponse({ type: CertificateHistoryDto })
  history(@Param('certificateNo') certificateNo: string): Promise<CertificateHistoryDto> {
    return this.lists.certificateHistory(certificateNo);
  }
}
