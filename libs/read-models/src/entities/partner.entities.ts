import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { asNumber, EMPTY_LIST } from './column-types';

/** A partner of the alliance (municipality, housing association, NGO, foundation, ...). */
@Entity({ schema: 'read_models', name: 'partner' })
@Index('partner_sector_status', ['sector', 'status'])
@Index('partner_status', ['status'])
export class Partner {
  @PrimaryColumn('text', { name: 'partner_id' })
  partnerId: string;

  @Column('text')
  name: string;

  @Column('text')
  sector: string;

  @Column('text', { nullable: true })
  municipality: string | null;

  @Column('text')
  status: string;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt: Date;

  @Column('timestamptz', { name: 'left_at', nullable: true })
  leftAt: Date | null;

  @Column('jsonb', { default: EMPTY_LIST })
  history: unknown[];
}

/** A partnership declaration: drafted, signed, amended, withdrawn. */
@Entity({ schema: 'read_models', name: 'partnership_declaration' })
@Index('declaration_partner', ['partnerId'])
export class PartnershipDeclaration {
  @PrimaryColumn('text', { name: 'declaration_id' })
  declarationId: string;

  @Column('text', { name: 'partner_id' })
  partnerId: string;

  @Column('text')
  status: string;

  @Column('integer')
  version: number;

  @Column('integer', { name: 'signed_version', nullable: true })
  signedVersion: number | null;

  @Column('jsonb')
  content: unknown;

  @Column('timestamptz', { name: 'drafted_at' })
  draftedAt: Date;

  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt: Date | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('jsonb', { default: EMPTY_LIST })
  history: unknown[];
}

/** A partner's commitment (so many homes, rooms or host families by a date) and its status. */
@Entity({ schema: 'read_models', name: 'partner_commitment' })
@Index('commitment_partner', ['partnerId'])
export class PartnerCommitment {
  @PrimaryColumn('text', { name: 'commitment_id' })
  commitmentId: string;

  @Column('text', { name: 'partner_id' })
  partnerId: string;

  @Column('text', { name: 'declaration_id', nullable: true })
  declarationId: string | null;

  @Column('text')
  description: string;

  @Column('numeric', { name: 'target_quantity', transformer: asNumber })
  targetQuantity: number;

  @Column('text', { name: 'target_unit' })
  targetUnit: string;

  @Column('date', { name: 'due_on' })
  dueOn: string;

  @Column('text')
  status: string;

  @Column('timestamptz', { name: 'made_at' })
  madeAt: Date;

  @Column('jsonb', { default: EMPTY_LIST })
  history: unknown[];
}

/** An organisation the alliance names that is not a partner (a foundation on the board). */
@Entity({ schema: 'read_models', name: 'organisation' })
export class Organisation {
  @PrimaryColumn('text', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  name: string;

  @Column('text')
  sector: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;
}
