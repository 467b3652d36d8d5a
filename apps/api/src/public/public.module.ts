import { Module } from '@nestjs/common';
import { QueriesModule } from '../queries/queries.module';
import { PublicController } from './public.controller';
import { PublicSummaryService } from './public-summary.service';

/** GET /public/summary: what anyone may read without logging in. */
@Module({
  imports: [QueriesModule],
  controllers: [PublicController],
  providers: [PublicSummaryService],
})
export class PublicModule {}
