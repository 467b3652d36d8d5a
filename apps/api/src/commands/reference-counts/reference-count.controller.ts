import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, plain } from '@ledger/application';
import { RecordReferenceCountCommand } from '@ledger/application';
import { RecordReferenceCountDto } from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

@ApiTags('reference counts')
@Roles(...WRITERS)
@CommandController()
@Controller('reference-counts')
export class ReferenceCountController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':allianceId')
  @Records({
    summary: 'A national count of homeless young people is recorded, for reference',
    body: RecordReferenceCountDto,
    example: {
      countId: 'vive-2022',
      source: 'VIVE, Hjemløshed i Danmark 2022',
      occurredAt: '2022-09-01',
      changePercent: -18,
      comparedWith: 'VIVE, Hjemløshed i Danmark 2019',
    },
    notFound: 'The alliance is not founded.',
    rules: ['reference-count-recorded-once'],
  })
  record(
    @Param('allianceId', IdParam) allianceId: string,
    @Body() body: RecordReferenceCountDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const countId = body.countId ?? metadata.newId('reference-count');
    return this.commands.execute(
      new RecordReferenceCountCommand(
        { type: 'RecordReferenceCount', ...plain(body), allianceId, countId },
        metadata,
      ),
    );
  }
}
