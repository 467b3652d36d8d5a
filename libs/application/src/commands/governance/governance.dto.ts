import { boardRoles, secretariatRoles, type BoardRole, type SecretariatRole } from '@ledger/domain';
import { Day, Id, IdList, Nested, OccurredAt, OneOf, Text } from '../dto-fields';

/**
 * People appear only as person ids (names live in the erasable person store, never in events);
 * organisations as organisation ids (a partner id where the organisation is a partner).
 */
const PERSON = 'A person id; never a name.';

export class HoldGeneralAssemblyDto {
  @Id({ optional: true, description: 'Given, or derived from the Idempotency-Key.' })
  assemblyId?: string;

  @IdList(200, { optional: true, description: 'Partner ids of the association members present.' })
  membersPresent?: string[];

  @OccurredAt()
  occurredAt?: string;
}

export class TermDto {
  @Day({ nullable: true, description: "Defaults to the assembly's day." })
  startsOn?: string | null;

  @Day({ nullable: true, description: 'No set end when absent.' })
  endsOn?: string | null;
}

/** No occurredAt: an election happens at its general assembly, on the assembly's day. */
export class ElectBoardMemberDto {
  @Id()
  assemblyId: string;

  @Id({ description: PERSON })
  personId: string;

  @Id({ description: 'The organisation the person represents (e.g. villumfonden).' })
  organisationId: string;

  @OneOf(boardRoles)
  role: BoardRole;

  @Nested(() => TermDto, { optional: true })
  term?: TermDto;
}

export class ChangeBoardMemberRoleDto {
  @Id({ description: PERSON })
  personId: string;

  @OneOf(boardRoles)
  role: BoardRole;

  @OccurredAt()
  occurredAt?: string;
}

export class StepDownFromBoardDto {
  @Id({ description: PERSON })
  personId: string;

  @Text(1000, { nullable: true })
  reason?: string | null;

  @OccurredAt()
  occurredAt?: string;
}

export class AppointAdvisoryBoardMemberDto {
  @Id()
  organisationId: string;

  @Id({ description: PERSON })
  representativePersonId: string;

  @OccurredAt()
  occurredAt?: string;
}

export class LeaveAdvisoryBoardDto {
  @Id()
  organisationId: string;

  @Text(1000, { nullable: true })
  reason?: string | null;

  @OccurredAt()
  occurredAt?: string;
}

export class StartInSecretariatDto {
  @Id({ description: PERSON })
  personId: string;

  @OneOf(secretariatRoles)
  role: SecretariatRole;

  @OccurredAt()
  occurredAt?: string;
}

export class LeaveSecretariatDto {
  @Id({ description: PERSON })
  personId: string;

  @Text(1000, { nullable: true })
  reason?: string | null;

  @OccurredAt()
  occurredAt?: string;
}
