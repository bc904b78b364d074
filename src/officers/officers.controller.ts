import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, RequireRole } from '../auth/auth.guard';
import { CreateOfficerDto, ResetPasswordDto, UpdateOfficerDto } from './dto/officer-requests.dto';
import { OfficerListResponseDto, OfficerResponseDto } from './dto/officer-response.dto';
import { OfficerManagementService } from './officer-management.service';
import type { AuthenticatedOfficer } from './officers.service';

@ApiTags('office')
@Controller('api/v1/officers')
export class OfficersController {
  constructor(private readonly management: OfficerManagementService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: "The officers of the admin's own authority" })
  @ApiOkResponse({ type: OfficerListResponseDto })
  async list(@CurrentOfficer() admin: AuthenticatedOfficer): Promise<OfficerListResponseDto> {
    return { items: await this.management.list(admin) };
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: "Add an officer to the admin's own authority" })
  @ApiOkResponse({ type: OfficerResponseDto })
  create(@CurrentOfficer() admin: AuthenticatedOfficer, @Body() body: CreateOfficerDto): Promise<OfficerResponseDto> {
    return this.management.create(admin, body);
  }

  @Patch(':username')
  @RequireRole('admin')
  @ApiOperation({ summary: "Change an officer's roles or disable them (not oneself)" })
  @ApiOkResponse({ type: OfficerResponseDto })
  update(
    @CurrentOfficer() admin: AuthenticatedOfficer,
    @Param('username') username: string,
    @Body() body: UpdateOfficerDto,
  ): Promise<OfficerResponseDto> {
    return this.management.update(admin, username, body);
  }

  @Post(':username/password')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: "Set a new password for an officer of the admin's authority" })
  @ApiNoContentResponse()
  async resetPassword(
    @CurrentOfficer() admin: AuthenticatedOfficer,
    @Param('username') username: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.management.resetPassword(admin, username, body.password);
  }
}
