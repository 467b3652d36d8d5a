import { sectors, type Sector } from '@ledger/domain';
import { Id, OccurredAt, OneOf, Text } from '../dto-fields';

export class RegisterOrganisationDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  organisationId?: string;

  @Text(200)
  name: string;

  @OneOf(sectors, { description: 'One of the six sector categories.' })
  sector: Sector;

  @OccurredAt()
  occurredAt?: string;
}
