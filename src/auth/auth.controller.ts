import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';
import { SessionResponseDto } from './dto/session.dto';
import { CSRF_HEADER } from './session-cookie';
import { TokenRequestDto, TokenResponseDto } from './dto/token-request.dto';

@ApiTags('office')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange an officer username and password for a short-lived access token' })
  @ApiOkResponse({ type: TokenResponseDto })
  token(@Body() body: TokenRequestDto, @Req() request: FastifyRequest): Promise<TokenResponseDto> {
    return this.auth.login(body.username, body.password, request.ip);
  }

  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the office console: sets the HttpOnly session cookie zjzc_session' })
  @ApiOkResponse({ type: SessionResponseDto })
  async startSession(
    @Body() body: TokenRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    const { cookie, session } = await this.auth.startSession(body.username, body.password, request.ip);
    void reply.header('set-cookie', cookie);
    return session;
  }

  @Get('session')
  @ApiOperation({ summary: 'The signed-in officer of the session cookie; renews the cookie (sliding expiry)' })
  @ApiOkResponse({ type: SessionResponseDto })
  async session(
    @Headers('cookie') cookie: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    const renewed = await this.auth.resumeSession(cookie);
    void reply.header('set-cookie', renewed.cookie);
    return renewed.session;
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the office console: ends the session and clears the cookie' })
  @ApiNoContentResponse()
  async endSession(
    @Headers('cookie') cookie: string | undefined,
    @Headers(CSRF_HEADER) csrf: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.header('set-cookie', await this.auth.endSession(cookie, csrf));
  }
}
