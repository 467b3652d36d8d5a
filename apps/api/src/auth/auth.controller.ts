import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
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
import { LoginAnswer, LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Rate-limited per client IP by the `login` throttler (LOGIN_RATE_LIMIT_PER_MINUTE). */
  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in: a username and password for a bearer token that expires (JWT_TTL)',
  })
  @ApiOkResponse({ type: LoginAnswer })
  @ApiUnauthorizedResponse({ description: 'Unknown username, wrong password or disabled user.' })
  @ApiTooManyRequestsResponse({ description: 'Too many login attempts from this address.' })
  login(@Body() body: LoginDto): Promise<LoginAnswer> {
    return this.auth.login(body.username, body.password);
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
