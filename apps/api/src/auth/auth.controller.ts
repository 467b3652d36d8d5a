import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public, Roles } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';
import { LoginLocked } from './login-lockout';
import { LoginAnswer, LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Rate-limited per client IP (a /64 for IPv6) by the `login` throttler
   * (LOGIN_RATE_LIMIT_PER_MINUTE), and per account by LoginLockout (LOGIN_LOCK_AFTER_FAILURES).
   */
  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in: a username and password for a bearer token that expires (JWT_TTL)',
  })
  @ApiOkResponse({ type: LoginAnswer })
  @ApiUnauthorizedResponse({ description: 'Unknown username, wrong password or disabled user.' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many login attempts from this address, or too many failed logins on this account ' +
      '(whatever the address); Retry-After says when to try again.',
  })
  async login(
    @Body() body: LoginDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginAnswer> {
    try {
      return await this.auth.login(body.username, body.password);
    } catch (error) {
      // An exception carries no headers: Retry-After is set on the response here.
      if (error instanceof LoginLocked) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      if (isDatabaseUnavailable(error)) throw databaseUnavailable(response);
      throw error;
    }
  }

  @Get('me')
  @Roles('secretariat', 'board', 'auditor', 'admin')
  @ApiOperation({ summary: 'Who the bearer token belongs to: user id, username and role' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['id', 'username', 'role'],
      properties: {
        id: { type: 'string' },
        username: { type: 'string', example: 'secretariat-1' },
        role: { type: 'string', enum: ['secretariat', 'board', 'auditor', 'admin'] },
      },
    },
  })
  me(@Req() request: { user: AuthenticatedUser }): AuthenticatedUser {
    const { id, username, role } = request.user;
    return { id, username, role };
  }
}
