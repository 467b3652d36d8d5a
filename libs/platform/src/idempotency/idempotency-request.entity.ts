import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The request an Idempotency-Key (a command id) was first used for, by its fingerprint. */
@Entity({ schema: 'idempotency', name: 'requests' })
export class IdempotencyRequest {
  @PrimaryColumn('text', { name: 'command_id' })
  commandId: string;

  @Column('text', { name: 'command_type' })
  commandType: string;

  /** SHA-256 of the command's canonical JSON. */
  @Column('text')
  fingerprint: string;

  @Column('timestamptz', { name: 'first_seen_at', default: () => 'now()' })
  firstSeenAt: Date;
}
