import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/access.decorators';
import { CommandController, CommandMetadata, Metadata, Records } from '../shared';
import { CommandRecorded, plain } from '@ledger/application';
import { RegisterOrganisationCommand } from '@ledger/application';
import { RegisterOrganisationDto } from '@ledger/application';

/**
 * Organisations the alliance names that are not partners (a foundation with a board seat, a
 * funder). A partner is an organisation already; board seats, Advisory Board seats, grants and
 * general assemblies may name either.
 */
@ApiTags('organisations')
@Roles(...WRITERS)
@CommandController()
@Controller('organisations')
export class OrganisationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'Register an organisation that is not a partner (for board seats and grants)',
    body: RegisterOrganisationDto,
    example: {
      organisationId: 'villumfonden',
      name: 'Villumfonden',
      sector: 'foundation',
      occurredAt: '2017-08-01',
    },
    rules: ['organisation-registered-once'],
  })
  register(
    @Body() body: RegisterOrganisationDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const organisationId = body.organisationId ?? metadata.newId('organisation');
    return this.commands.execute(
      new RegisterOrganisationCommand(
        { type: 'RegisterOrganisation', ...plain(body), organisationId },
        metadata,
      ),
    );
  }
}
