import { Column, Entity, PrimaryColumn } from 'typeorm';
import { asNumber, EMPTY_LIST } from './column-types';

/** An initiative (Kollegiemodellen, Hjem til Dig, ...): phase, target, partners, their history. */
@Entity({ schema: 'read_models', name: 'initiative' })
export class Initiative {
  @PrimaryColumn('text', { name: 'initiative_id' })
  initiativeId: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('text')
  phase: string;

  @Column('numeric', { name: 'target_quantity', transformer: asNumber })
  targetQuantity: number;

  @Column('text', { name: 'target_unit' })
  targetUnit: string;

  @Column('jsonb', { name: 'lead_partner_ids' })
  leadPartnerIds: string[];

  @Column('jsonb', { name: 'participating_partner_ids' })
  participatingPartnerIds: string[];

  @Column('jsonb')
  municipalities: string[];

  @Column('timestamptz', { name: 'launched_at' })
  launchedAt: Date;

  @Column('jsonb', { name: 'phase_history', default: EMPTY_LIST })
  phaseHistory: unknown[];

  @Column('jsonb', { name: 'target_history', default: EMPTY_LIST })
  targetHistory: unknown[];

  @Column('jsonb', { name: 'partner_history', default: EMPTY_LIST })
  partnerHistory: unknown[];
}
