import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth.guard';
import { PublicRateLimit } from '../common/route-rules';
import type { GeneralJws } from '../signing/credential-signer';
import { BansService, BanStatus } from './bans.service';
import { BanStatusDto, GeneralJwsDto, NoticeDto } from './dto/public-records.dto';
import { Notice, RevocationRecordsService } from './revocation-records.service';
import { STATUS_LIST_TTL_SECONDS, StatusListService } from './status-list.service';

@ApiTags('office')
@Controller('api/v1/bans')
export class BansController {
  constructor(private readonly bans: BansService) {}

  @Get(':idNumber')
  @RequireRole('admin', 'issuer', 'revoker', 'auditor')
  @ApiOperation({ summary: 'Whether an ID number is barred from applying today (inclusive dates)' })
  @ApiOkResponse({ type: BanStatusDto })
  status(@Param('idNumber') idNumber: string): Promise<BanStatus> {
    return this.bans.statusOf(idNumber);
  }
}

@ApiTags('public')
@Controller('api/v1')
export class PublicRecordsController {
  constructor(
    private readonly records: RevocationRecordsService,
    private readonly statusList: StatusListService,
  ) {}

  @Get('notices')
  @PublicRateLimit('lookup')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Published disciplinary decisions (no full ID numbers)' })
  @ApiOkResponse({ type: [NoticeDto] })
  notices(): Promise<Notice[]> {
    return this.records.notices();
  }

  @Get('status-lists/1')
  @PublicRateLimit('lookup')
  @Header('Cache-Control', `public, max-age=${STATUS_LIST_TTL_SECONDS}`)
  @ApiOperation({ summary: 'The status list of all certificates, signed by both authorities (docs/status-list.md)' })
  @ApiOkResponse({ type: GeneralJwsDto })
  list(): Promise<GeneralJws> {
    return this.statusList.get();
  }
}
