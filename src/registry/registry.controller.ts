import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EntityTag, PublicRateLimit, RegistryCors } from '../common/route-rules';
import { RegistryCertificateDto } from './dto/registry-certificate.dto';
import { RegistrySearchQueryDto } from './dto/registry-search-query.dto';
import { RegistryService } from './registry.service';

/**
 * The public registry (no login), open to any web page. Answers are
 * short-lived in caches so that a revocation shows within a minute; the ETag makes a
 * revalidation cheap.
 */
@ApiTags('public')
@Controller('api/v1/registry/certificates')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get(':certificateNo')
  @PublicRateLimit('lookup')
  @RegistryCors()
  @EntityTag()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary:
      'A certificate by number: public facts, masked ID number, status and revocation (?at=YYYY-MM-DD: the status on that date)',
  })
  @ApiQuery({
    name: 'at',
    required: false,
    example: '2026-11-26',
    description: 'The status in force on this date (YYYY-MM-DD)',
  })
  // A plain parameter, not a DTO: the hot path skips class-transformer; the service checks it.
  @ApiOkResponse({ type: RegistryCertificateDto })
  byNumber(@Param('certificateNo') certificateNo: string, @Query('at') at?: string): Promise<RegistryCertificateDto> {
    return this.registry.byNumber(certificateNo, at);
  }

  @Get()
  @PublicRateLimit('lookup')
  @RegistryCors()
  @EntityTag()
  // The URL holds a full ID number: no shared cache may keep it.
  @Header('Cache-Control', 'private, max-age=60')
  @ApiOperation({
    summary: 'Certificates of one holder: exact name and full ID number, both required (a list, possibly empty)',
  })
  @ApiOkResponse({ type: [RegistryCertificateDto] })
  search(@Query() query: RegistrySearchQueryDto): Promise<RegistryCertificateDto[]> {
    return this.registry.byHolder(query.name, query.idNumber);
  }
}
