import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Contact details of a named person; every field optional. */
export interface PersonContact {
  email?: string;
  phone?: string;
  address?: string;
}

/**
 * A named person (board member, Advisory Board representative, secretariat staff). Events name
 * people by `person_id` only; the name and contact live here, outside the immutable log, so a
 * data-protection request can erase them (`cli persons forget`) without touching the log.
 */
@Entity({ schema: 'personal_data', name: 'persons' })
// Registered: a name. Erased: nothing left but the id and when.
@Check(
  'persons_check',
  `(erased_at IS NULL AND name IS NOT NULL) OR (erased_at IS NOT NULL AND name IS NULL AND contact IS NULL)`,
)
export class Person {
  @PrimaryColumn('text', { name: 'person_id' })
  personId: string;

  /** Null once erased. */
  @Column('text', { nullable: true })
  name: string | null;

  @Column('jsonb', { nullable: true })
  contact: PersonContact | null;

  @Column('timestamptz', { name: 'registered_at', default: () => 'now()' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
