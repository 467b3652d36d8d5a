import { EventTypeRegistry, NewEvent } from '@ledger/event-store';

/** A housing count shaped like the real one, about 200 bytes of data. */
export function housingCount(i: number): NewEvent {
  return {
    type: 'HomesReported',
    data: {
      reportId: `report-${i}`,
      count: (i % 17) + 1,
      period: { year: 2016 + (i % 10), quarter: (i % 4) + 1 },
      municipality: 'Københavns Kommune',
      initiativeId: 'initiative-kollegiemodellen',
      partnerId: 'partner-bikubenfonden',
      source: 'secretariat spreadsheet',
      type: 'dorm-room',
      permanent: true,
    },
    occurredAt: '2018-06-30',
  };
}

export const benchRegistry = () =>
  new EventTypeRegistry([{ type: 'HomesReported', schemaVersion: 1 }]);

/** The raw baseline's table: a bigserial and a unique (stream, version), rows of the same size. */
export const RAW_TABLE = `
  CREATE TABLE IF NOT EXISTS bench_raw (
    position bigserial PRIMARY KEY,
    stream_id text NOT NULL,
    version bigint NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    UNIQUE (stream_id, version)
  )`;

/** Metadata of the same size as an event's envelope, for the raw rows. */
export function rawMetadata(i: number): string {
  return JSON.stringify({
    eventId: '00000000-0000-4000-8000-' + String(i).padStart(12, '0'),
    schemaVersion: 1,
    occurredAt: '2018-06-30T00:00:00.000Z',
    recordedAt: new Date().toISOString(),
    actor: { id: 'user-secretariat-1', role: 'secretariat' },
    commandId: `command-${i}`,
    correlationId: `command-${i}`,
    causationId: null,
    streamHash: 'a'.repeat(64),
  });
}
