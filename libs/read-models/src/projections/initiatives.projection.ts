import { assertNever, initiativeEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { eventTypeSet, RecordedEventOf, TypesIn } from '../projection/domain-events';
import { Projection, Sql } from '../projection/projection';

/** The events it reads: exactly the types its switch handles. */
const EVENT_TYPES = eventTypeSet(initiativeEventTypes);
type Handled = TypesIn<typeof EVENT_TYPES>;

const stamp = (event: RecordedEvent) => ({
  occurredAt: event.occurredAt,
  recordedAt: event.recordedAt,
});

/** Each initiative with its phase history, partners and target. */
export class InitiativesProjection implements Projection<Handled> {
  readonly name = 'initiatives';
  readonly tables = ['initiative'];
  readonly eventTypes = EVENT_TYPES;

  async apply(event: RecordedEventOf<Handled>, sql: Sql): Promise<void> {
    switch (event.type) {
      case 'InitiativeLaunched': {
        const d = event.data;
        await sql(
          `INSERT INTO initiative (initiative_id, name, description, phase, target_quantity, target_unit,
             lead_partner_ids, participating_partner_ids, municipalities, launched_at, phase_history)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            d.initiativeId,
            d.name,
            d.description,
            d.phase,
            d.target.quantity,
            d.target.unit,
            JSON.stringify(d.leadPartnerIds),
            JSON.stringify(d.participatingPartnerIds),
            JSON.stringify(d.municipalities),
            event.occurredAt,
            JSON.stringify([{ phase: d.phase, ...stamp(event) }]),
          ],
        );
        return;
      }
      case 'InitiativeMovedToPhase': {
        const d = event.data;
        await sql(
          `UPDATE initiative SET phase = $2, phase_history = phase_history || $3::jsonb WHERE initiative_id = $1`,
          [
            d.initiativeId,
            d.phase,
            JSON.stringify([{ phase: d.phase, from: d.previousPhase, ...stamp(event) }]),
          ],
        );
        return;
      }
      case 'InitiativeTargetRevised': {
        const d = event.data;
        await sql(
          `UPDATE initiative SET target_quantity = $2, target_unit = $3,
             target_history = target_history || $4::jsonb WHERE initiative_id = $1`,
          [
            d.initiativeId,
            d.target.quantity,
            d.target.unit,
            JSON.stringify([
              { from: d.previousTarget, to: d.target, reason: d.reason, ...stamp(event) },
            ]),
          ],
        );
        return;
      }
      case 'PartnerJoinedInitiative': {
        const d = event.data;
        const column = d.role === 'lead' ? 'lead_partner_ids' : 'participating_partner_ids';
        await sql(
          `UPDATE initiative SET ${column} = ${column} || $2::jsonb,
             partner_history = partner_history || $3::jsonb WHERE initiative_id = $1`,
          [
            d.initiativeId,
            JSON.stringify([d.partnerId]),
            JSON.stringify([
              { kind: 'joined', partnerId: d.partnerId, role: d.role, ...stamp(event) },
            ]),
          ],
        );
        return;
      }
      case 'PartnerLeftInitiative': {
        const d = event.data;
        await sql(
          `UPDATE initiative SET lead_partner_ids = lead_partner_ids - $2::text,
             participating_partner_ids = participating_partner_ids - $2::text,
             partner_history = partner_history || $3::jsonb WHERE initiative_id = $1`,
          [
            d.initiativeId,
            d.partnerId,
            JSON.stringify([
              { kind: 'left', partnerId: d.partnerId, reason: d.reason, ...stamp(event) },
            ]),
          ],
        );
        return;
      }
      default:
        return assertNever(event);
    }
  }
}
