import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore, RecordedEvent } from '@ledger/event-store';

/**
 * Records facts straight into the event store, shaped exactly as the domain writes them, for
 * tests of the read side that should not depend on the command API.
 */
export class LedgerEvents {
  constructor(readonly store: EventStore) {}

  static of(app: INestApplication): LedgerEvents {
    return new LedgerEvents(app.get<EventStore>(EVENT_STORE));
  }

  async record(streamId: string, type: string, data: object, occurredAt?: string): Promise<void> {
    await this.store.append(streamId, [{ type, data, occurredAt }], 'any', {
      commandId: randomUUID(),
      actor: { id: 'test-secretariat', role: 'secretariat' },
    });
  }

  foundAlliance() {
    return this.record(
      'alliance-hta',
      'AllianceFounded',
      {
        allianceId: 'hta',
        name: 'Hjem til Alle',
        goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
        principles: [
          'youth-involvement',
          'housing-first',
          'long-term-solutions',
          'cross-sector-work',
          'data-driven-work',
        ],
        strategicEfforts: ['more-affordable-homes', 'better-social-support', 'prevention'],
      },
      '2016-01-01',
    );
  }

  partnerJoined(
    partnerId: string,
    name: string,
    sector: string,
    municipality: string | null,
    on = '2016-06-01',
  ) {
    return this.record(
      `partner-${partnerId}`,
      'PartnerJoined',
      { partnerId, name, sector, municipality },
      on,
    );
  }

  initiativeLaunched(initiativeId: string, name: string, target: number, on = '2017-09-01') {
    return this.record(
      `initiative-${initiativeId}`,
      'InitiativeLaunched',
      {
        initiativeId,
        name,
        description: name,
        leadPartnerIds: ['bikubenfonden'],
        participatingPartnerIds: [],
        municipalities: ['København'],
        target: { quantity: target, unit: 'homes' },
        phase: 'pilot',
      },
      on,
    );
  }

  homesReported(
    reportId: string,
    count: number,
    period: string,
    municipality: string,
    initiativeId: string,
    partnerId: string,
    occurredAt: string,
    source = 'quarterly status',
  ) {
    return this.record(
      `housing-report-${reportId}`,
      'HomesReported',
      {
        reportId,
        count,
        period,
        municipality,
        initiativeId,
        partnerId,
        source,
        housingType: 'dorm-room',
        permanent: true,
      },
      occurredAt,
    );
  }

  corrected(
    reportId: string,
    previousCount: number,
    count: number,
    reason: string,
    occurredAt?: string,
  ) {
    return this.record(
      `housing-report-${reportId}`,
      'HousingCountCorrected',
      { reportId, previousCount, count, reason },
      occurredAt,
    );
  }

  retracted(reportId: string, reason: string, occurredAt?: string) {
    return this.record(
      `housing-report-${reportId}`,
      'HousingCountRetracted',
      { reportId, reason },
      occurredAt,
    );
  }
}

/** Waits until every projection has applied everything in the log. */
export async function projectionsCaughtUp(app: INestApplication, timeoutMs = 20000): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const db = app.get(DataSource);
  const deadline = Date.now() + timeoutMs;
  const head = await store.headPosition();
  for (;;) {
    const [row] = await db.query(
      `SELECT min(position)::bigint AS position, count(*)::int AS n FROM read_models.projection_checkpoint`,
    );
    if (row.n > 0 && Number(row.position) >= head) return;
    if (Date.now() > deadline) throw new Error(`projections stuck at ${row.position} of ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The whole log, in global order. */
export async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll(events.length, 1000);
    if (page.length === 0) return events;
    events.push(...page);
  }
}
