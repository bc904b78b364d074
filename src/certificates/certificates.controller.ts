import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import { officerActor } from '../audit/audit.service';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { CertificatesService } from './certificates.service';
import { CertificateResponseDto } from './dto/certificate-response.dto';
import { IssueCertificateDto } from './dto/issue-certificate.dto';
import { CertificateSearchQueryDto, CertificateSearchResultDto } from './dto/certificate-search.dto';

@ApiTags('office')
@Controller('api/v1/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @RequireRole('issuer')
  @ApiOperation({ summary: 'Issue a certificate signed by both authorities (201; 200 for an identical retry)' })
  @ApiCreatedResponse({ type: CertificateResponseDto })
  @ApiOkResponse({ type: CertificateResponseDto, description: 'an identical retry: the certificate issued before' })
  async issue(
    @Body() body: IssueCertificateDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateResponseDto> {
    const { created, certificate } = await this.certificates.issue(body, officerActor(officer));
    void reply.status(created ? 201 : 200);
    return CertificateResponseDto.from(certificate, { withFullIdNumber: false });
  }

  @Get()
  @RequireRole('issuer', 'revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'Officer search by certificateNo, or by name and/or idNumber: full records, newest first' })
  @ApiOkResponse({ type: CertificateSearchResultDto })
  async search(@Query() query: CertificateSearchQueryDto): Promise<CertificateSearchResultDto> {
    const { rows, nextBefore } = await this.certificates.search(query);
    return { items: rows.map((c) => CertificateResponseDto.from(c, { withFullIdNumber: true })), nextBefore };
  }

  @Get(':certificateNo')
  @RequireRole('issuer', 'revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'The full record of a certificate, for the office' })
  @ApiOkResponse({ type: CertificateResponseDto })
  async get(@Param('certificateNo') certificateNo: string): Promise<CertificateResponseDto> {
    return CertificateResponseDto.from(await this.certificates.getByNumber(certificateNo), { withFullIdNumber: true });
  }
}
