import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'secretariat-anna' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'the password printed by cli users add' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class LoginAnswer {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
  @ApiProperty({ example: 28800, description: 'Seconds until the token expires (JWT_TTL).' })
  expiresIn: number;
  @ApiProperty({ example: 'secretariat', enum: ['secretariat', 'board', 'auditor', 'admin'] })
  role: string;
}
