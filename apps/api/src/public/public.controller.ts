import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { ApiErrors } from '../openapi/api-errors';
import { PublicSummaryBody } from './public-summary.body';
import { PublicSummaryService } from '@ledger/application';

@ApiTags('public')
@Controller('public')
export class PublicController {
  constructor(private readonly summaries: PublicSummaryService) {}

  @Get('summary')
  @Public()
  @ApiOperation({
    summary: 'The public page: goal, partners, homes by year and initiative (no log-in)',
    description:
      'No person ids or names. Every count below 5 in a breakdown is "<5" (suppressed here, on the server); totals are exact.',
  })
  @ApiOkResponse({ type: PublicSummaryBody })
  @ApiErrors([429])
  summary(): Promise<PublicSummaryBody> {
    return this.summaries.summary();
  }
}
