import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, OptionalReasonDto, plain } from '@ledger/application';
import { AwardGrantCommand, EndGrantCommand, ExtendGrantCommand } from '@ledger/application';
import { AwardGrantDto, ExtendGrantDto } from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const NO_GRANT = 'No such grant.';

@ApiTags('grants')
@Roles(...WRITERS)
@CommandController()
@Controller('grants')
export class GrantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'A grant is awarded to the secretariat or to an initiative',
    body: AwardGrantDto,
    example: {
      grantId: 'bikubenfonden-secretariat-2017',
      funderOrganisationId: 'bikubenfonden',
      recipient: 'secretariat',
      amountDkkPerYear: 3_000_000,
      period: { startsOn: '2017-08-01', endsOn: '2021-12-31' },
      occurredAt: '2017-08-01',
    },
    rules: ['grant-awarded-once'],
  })
  award(
    @Body() body: AwardGrantDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const grantId = body.grantId ?? metadata.newId('grant');
    return this.commands.execute(
      new AwardGrantCommand({ type: 'AwardGrant', ...plain(body), grantId }, metadata),
    );
  }

  @Post(':grantId/extensions')
  @Records({
    summary: 'A grant is extended (optionally with a new yearly amount)',
    body: ExtendGrantDto,
    example: { endsOn: '2026-12-31', occurredAt: '2021-06-01' },
    notFound: NO_GRANT,
    rules: ['extension-lengthens-grant', 'ended-grant-is-closed'],
  })
  extend(
    @Param('grantId', IdParam) grantId: string,
    @Body() body: ExtendGrantDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ExtendGrantCommand({ type: 'ExtendGrant', ...plain(body), grantId }, metadata),
    );
  }

  @Post(':grantId/end')
  @Records({
    summary: 'A grant ends early, on the day of occurredAt',
    body: OptionalReasonDto,
    example: { reason: 'Replaced by a ten-year commitment', occurredAt: '2020-12-31' },
    notFound: NO_GRANT,
    rules: ['grant-ends-within-its-period', 'ended-grant-is-closed'],
  })
  end(
    @Param('grantId', IdParam) grantId: string,
    @Body() body: OptionalReasonDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new EndGrantCommand({ type: 'EndGrant', ...plain(body), grantId }, metadata),
    );
  }
}
