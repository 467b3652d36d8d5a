import { assertNever, organisationEventTypes, partnerEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { eventTypeSet, RecordedEventOf, TypesIn } from '../projection/domain-events';
import { Projection, Sql } from '../projection/projection';

/** The events it reads: exactly the types its switch handles. */
const EVENT_TYPES = eventTypeSet(partnerEventTypes, organisationEventTypes);
type Handled = TypesIn<typeof EVENT_TYPES>;

/** A change as kept in a row's history: what happened, when in the world, when recorded. */
function change(event: RecordedEvent, details: Record<string, unknown> = {}): string {
  return JSON.stringify([
    { kind: event.type, occurredAt: event.occurredAt, recordedAt: event.recordedAt, ...details },
  ]);
}

/**
 * Each partner with its sector and status, its declarations and its commitments; and the
 * organisations that are not partners, which seats and grants name beside them.
 */
export class PartnersProjection implements Projection<Handled> {
  readonly name = 'partners';
  readonly tables = ['partner', 'partnership_declaration', 'partner_commitment', 'organisation'];
  readonly eventTypes = EVENT_TYPES;

  async apply(event: RecordedEventOf<Handled>, sql: Sql): Promise<void> {
    switch (event.type) {
      case 'OrganisationRegistered': {
        const d = event.data;
        await sql(
          `INSERT INTO organisation (organisation_id, name, sector, registered_at)
           VALUES ($1, $2, $3, $4)`,
          [d.organisationId, d.name, d.sector, event.occurredAt],
        );
        break;
      }
      case 'PartnerJoined': {
        const d = event.data;
        await sql(
          `INSERT INTO partner (partner_id, name, sector, municipality, status, joined_at, history)
           VALUES ($1, $2, $3, $4, 'member', $5, $6)`,
          [d.partnerId, d.name, d.sector, d.municipality, event.occurredAt, change(event)],
        );
        return;
      }
      case 'PartnerRenamed': {
        const d = event.data;
        await this.updatePartner(
          sql,
          d.partnerId,
          'name = $2',
          [d.name],
          change(event, { from: d.previousName, to: d.name }),
        );
        return;
      }
      case 'PartnerLeft': {
        const d = event.data;
        await this.updatePartner(
          sql,
          d.partnerId,
          `status = 'left', left_at = $2`,
          [event.occurredAt],
          change(event, { reason: d.reason }),
        );
        return;
      }
      case 'PartnerRejoined': {
        const d = event.data;
        await this.updatePartner(
          sql,
          d.partnerId,
          `status = 'member', left_at = NULL, joined_at = $2`,
          [event.occurredAt],
          change(event),
        );
        return;
      }
      case 'PartnershipDeclarationDrafted': {
        const d = event.data;
        await sql(
          `INSERT INTO partnership_declaration
             (declaration_id, partner_id, status, version, content, drafted_at, history)
           VALUES ($1, $2, 'draft', $3, $4, $5, $6)`,
          [
            d.declarationId,
            d.partnerId,
            d.version,
            JSON.stringify(d.content),
            event.occurredAt,
            change(event, { version: d.version }),
          ],
        );
        return;
      }
      case 'PartnershipDeclarationSigned': {
        const d = event.data;
        await this.updateDeclaration(
          sql,
          d.declarationId,
          `status = 'signed', signed_version = $2, signed_at = $3`,
          [d.version, event.occurredAt],
          change(event, { version: d.version }),
        );
        return;
      }
      case 'PartnershipDeclarationRevised': {
        const d = event.data;
        await this.updateDeclaration(
          sql,
          d.declarationId,
          `version = $2, content = $3`,
          [d.version, JSON.stringify(d.content)],
          change(event, { version: d.version, reason: d.reason }),
        );
        return;
      }
      case 'PartnershipDeclarationWithdrawn': {
        const d = event.data;
        await this.updateDeclaration(
          sql,
          d.declarationId,
          `status = 'withdrawn', withdrawn_at = $2`,
          [event.occurredAt],
          change(event, { reason: d.reason }),
        );
        return;
      }
      case 'CommitmentMade': {
        const d = event.data;
        await sql(
          `INSERT INTO partner_commitment (commitment_id, partner_id, declaration_id, description,
             target_quantity, target_unit, due_on, status, made_at, history)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9)`,
          [
            d.commitmentId,
            d.partnerId,
            d.declarationId,
            d.description,
            d.target.quantity,
            d.target.unit,
            d.dueOn,
            event.occurredAt,
            change(event),
          ],
        );
        return;
      }
      case 'CommitmentFulfilled': {
        const d = event.data;
        await this.updateCommitment(
          sql,
          d.commitmentId,
          `status = 'fulfilled'`,
          [],
          change(event, { note: d.note }),
        );
        return;
      }
      case 'CommitmentRevised': {
        const d = event.data;
        await this.updateCommitment(
          sql,
          d.commitmentId,
          'target_quantity = $2, target_unit = $3, due_on = $4',
          [d.target.quantity, d.target.unit, d.dueOn],
          change(event, {
            from: { target: d.previousTarget, dueOn: d.previousDueOn },
            to: { target: d.target, dueOn: d.dueOn },
            reason: d.reason,
          }),
        );
        return;
      }
      case 'CommitmentWithdrawn': {
        const d = event.data;
        await this.updateCommitment(
          sql,
          d.commitmentId,
          `status = 'withdrawn'`,
          [],
          change(event, { reason: d.reason }),
        );
        return;
      }
      default:
        return assertNever(event);
    }
  }

  private updatePartner(sql: Sql, id: string, set: string, params: unknown[], history: string) {
    return sql(
      `UPDATE partner SET ${set}, history = history || $${params.length + 2}::jsonb WHERE partner_id = $1`,
      [id, ...params, history],
    );
  }

  private updateDeclaration(sql: Sql, id: string, set: string, params: unknown[], history: string) {
    return sql(
      `UPDATE partnership_declaration SET ${set}, history = history || $${params.length + 2}::jsonb WHERE declaration_id = $1`,
      [id, ...params, history],
    );
  }

  private updateCommitment(sql: Sql, id: string, set: string, params: unknown[], history: string) {
    return sql(
      `UPDATE partner_commitment SET ${set}, history = history || $${params.length + 2}::jsonb WHERE commitment_id = $1`,
      [id, ...params, history],
    );
  }
}
