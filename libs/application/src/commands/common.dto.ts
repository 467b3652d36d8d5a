import { OccurredAt, Text } from './dto-fields';

/** A command that says nothing but when it happened (rejoin, sign). */
export class WhenDto {
  @OccurredAt()
  occurredAt?: string;
}

/** A command that closes something and must say why. */
export class ReasonDto {
  @Text(1000, { description: 'Why; kept in the record.' })
  reason: string;

  @OccurredAt()
  occurredAt?: string;
}

/** A command that may say why. */
export class OptionalReasonDto {
  @Text(1000, { nullable: true })
  reason?: string | null;

  @OccurredAt()
  occurredAt?: string;
}
