import { Module } from '@nestjs/common';
import { QueryServicesModule } from '@ledger/application';
import { PublicController } from './public.controller';
import { PublicSummaryService } from '@ledger/application';

/** GET /public/summary: what anyone may read without logging in. */
@Module({
  imports: [QueryServicesModule],
  controllers: [PublicController],
  providers: [PublicSummaryService],
})
export class PublicModule {}
