import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { ActiveUserCache } from './active-user-cache';

/** Users and passwords, for the API (login, tokens) and the CLI (`cli users ...`). */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [UsersService, ActiveUserCache],
  exports: [UsersService, ActiveUserCache],
})
export class UsersModule {}
