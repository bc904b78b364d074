import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRateLimit } from '../common/route-rules';
import { VerificationRequestDto } from './dto/verification-request.dto';
import { VerificationResultDto } from './dto/verification-result.dto';
import { VerificationService } from './verification.service';

@ApiTags('public')
@Controller('api/v1/verifications')
export class VerificationsController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @PublicRateLimit('verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify a credential or a QR token: both signatures, then the registry status' })
  @ApiOkResponse({ type: VerificationResultDto })
  verify(@Body() body: VerificationRequestDto): Promise<VerificationResultDto> {
    return this.verification.verify(body);
  }
}
