import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import { officerActor } from '../audit/audit.service';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { CertificatesService } from './certificates.service';
import { CertificateResponseDto } from './dto/certificate-response.dto';
import { IssueCertificateDto } from './dto/issue-certificate.dto';

@ApiTags('office')
@Controller('api/v1/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @RequireRole('issuer')
  @ApiOperation({ summary: 'Issue a certificate signed by both authorities (201; 200 for an identical retry)' })
  async issue(
    @Body() body: IssueCertificateDto,
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateResponseDto> {
    const { created, certificate } = await this.certificates.issue(body, officerActor(officer));
    void reply.status(created ? 201 : 200);
    return CertificateResponseDto.from(certificate, { withFullIdNumber: false });
  }

  @Get(':certificateNo')
  @RequireRole('issuer', 'revoker', 'auditor', 'admin')
  @ApiOperation({ summary: 'The full record of a certificate, for the office' })
  async get(@Param('certificateNo') certificateNo: string): Promise<CertificateResponseDto> {
    return CertificateResponseDto.from(await this.certificates.getByNumber(certificateNo), { withFullIdNumber: true });
  }
}
