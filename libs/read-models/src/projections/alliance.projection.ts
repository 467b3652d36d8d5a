import { allianceEventTypes, assertNever } from '@ledger/domain';
import { eventTypeSet, RecordedEventOf, TypesIn } from '../projection/domain-events';
import { Projection, Sql } from '../projection/projection';

/** The events it reads: exactly the types its switch handles. */
const EVENT_TYPES = eventTypeSet(allianceEventTypes);
type Handled = TypesIn<typeof EVENT_TYPES>;

/** The alliance: its name, its goal (2300 homes and the years) and how the goal was revised. */
export class AllianceProjection implements Projection<Handled> {
  readonly name = 'alliance';
  readonly tables = ['alliance'];
  readonly eventTypes = EVENT_TYPES;

  async apply(event: RecordedEventOf<Handled>, sql: Sql): Promise<void> {
    switch (event.type) {
      case 'AllianceFounded': {
        const d = event.data;
        await sql(
          `INSERT INTO alliance (alliance_id, name, goal_homes, goal_from_year, goal_to_year,
           principles, strategic_efforts, founded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            d.allianceId,
            d.name,
            d.goal.homes,
            d.goal.fromYear,
            d.goal.toYear,
            JSON.stringify(d.principles),
            JSON.stringify(d.strategicEfforts),
            event.occurredAt,
          ],
        );
        return;
      }
      case 'AllianceGoalRevised': {
        const d = event.data;
        await sql(
          `UPDATE alliance SET goal_homes = $2, goal_from_year = $3, goal_to_year = $4,
           goal_history = goal_history || $5::jsonb
         WHERE alliance_id = $1`,
          [
            d.allianceId,
            d.goal.homes,
            d.goal.fromYear,
            d.goal.toYear,
            JSON.stringify([
              {
                from: d.previousGoal,
                to: d.goal,
                reason: d.reason,
                occurredAt: event.occurredAt,
                recordedAt: event.recordedAt,
              },
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
