import type { GrantRecipient } from '@ledger/domain';
import { Day, Id, Nested, OccurredAt, OneOf, WholeNumber } from '../dto-fields';

export const grantRecipients: readonly GrantRecipient[] = ['secretariat', 'initiative'];

/** Days, both included. */
export class GrantPeriodDto {
  @Day()
  startsOn: string;

  @Day()
  endsOn: string;
}

export class AwardGrantDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  grantId?: string;

  @Id({ description: 'The funder, e.g. bikubenfonden (a partner id where it is a partner).' })
  funderOrganisationId: string;

  @OneOf(grantRecipients)
  recipient: GrantRecipient;

  @Id({ nullable: true, description: 'Required when the recipient is an initiative.' })
  initiativeId?: string | null;

  @WholeNumber(1_000_000_000, { description: 'DKK per year.' })
  amountDkkPerYear: number;

  @Nested(() => GrantPeriodDto)
  period: GrantPeriodDto;

  @OccurredAt()
  occurredAt?: string;
}

export class ExtendGrantDto {
  @Day({ description: 'The new last day; later than the current one.' })
  endsOn: string;

  @WholeNumber(1_000_000_000, { optional: true, description: 'Defaults to the current amount.' })
  amountDkkPerYear?: number;

  @OccurredAt()
  occurredAt?: string;
}
