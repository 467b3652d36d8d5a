import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE, EventStore, RecordedEvent } from '@ledger/event-store';
import { PersonRegister } from '@ledger/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { signIn, TEST_SECRETARIAT_ID } from '../support/auth';

/** The real ledger on a fresh database, for one test file, with its event store to look behind. */
export interface Ledger {
  app: INestApplication;
  store: EventStore;
  /** The logged-in secretariat user's `Authorization` header (every `post` carries it). */
  auth: { Authorization: string };
  /** POSTs a command as the secretariat user; `key` becomes the Idempotency-Key. */
  post(path: string, body?: object, key?: string): request.Test;
  /**
   * POSTs a command that must be recorded: checks the 201 answer and that the stream now ends
   * with exactly the expected events, each with its occurredAt, the actor and the command id.
   */
  records(path: string, body: object, expected: Expected): Promise<Answer>;
  /**
   * Makes the partners, organisations and persons a test names known to the ledger (every
   * command's references must be: issue 17), as the secretariat would: partners and
   * organisations through the API, persons in the person register.
   */
  knows(things: {
    partners?: string[];
    organisations?: string[];
    persons?: string[];
  }): Promise<void>;
  close(): Promise<void>;
}

export interface Expected {
  streamId: string;
  events: string[];
  /** The aggregate id in the answer; checked when given. */
  id?: string;
  /** occurredAt of the first event, when the command dated it. */
  occurredAt?: string;
}

/** The 201 answer. */
export interface Answer {
  id: string;
  streamId: string;
  version: number;
  events: string[];
  duplicate: boolean;
  [created: string]: unknown;
}

/** The actor of everything the tests record: the secretariat user `signIn` logs in. */
export const SECRETARIAT = { id: TEST_SECRETARIAT_ID, role: 'secretariat' };

export async function startLedger(): Promise<Ledger> {
  const database: TestDatabase = await createTestDatabase();
  const app = await createApiApp(testConfig(database.url), database.url);
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  const { auth } = await signIn(app, 'secretariat');
  const post = (path: string, body: object = {}, key?: string): request.Test => {
    const test = request(app.getHttpServer()).post(path).set(auth).send(body);
    return key === undefined ? test : test.set('Idempotency-Key', key);
  };
  return {
    app,
    store,
    auth,
    post,
    async records(path, body, expected) {
      const key = `test-${randomUUID()}`;
      const response = await post(path, body, key);
      if (response.status !== 201) {
        throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      }
      const answer = response.body as Answer;
      const stream = await store.readStream(expected.streamId);
      const appended = stream.slice(-expected.events.length);
      expect(answer).toMatchObject({
        streamId: expected.streamId,
        version: stream.length,
        events: expected.events,
        duplicate: false,
        ...(expected.id === undefined ? {} : { id: expected.id }),
      });
      expect(appended.map((e) => e.type)).toEqual(expected.events);
      for (const event of appended) expectEnvelope(event, key);
      if (expected.occurredAt) expect(appended[0].occurredAt).toBe(expected.occurredAt);
      return answer;
    },
    async knows({ partners = [], organisations = [], persons = [] }) {
      for (const partnerId of partners) {
        await expectStatus(
          post('/partners', {
            partnerId,
            name: partnerId,
            sector: 'civil-society',
            occurredAt: '2016-01-01',
          }),
          201,
        );
      }
      for (const organisationId of organisations) {
        await expectStatus(
          post('/organisations', {
            organisationId,
            name: organisationId,
            sector: 'foundation',
            occurredAt: '2016-01-01',
          }),
          201,
        );
      }
      for (const personId of persons) {
        await app.get(PersonRegister).register({ personId, name: `Person ${personId}` });
      }
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

async function expectStatus(test: request.Test, status: number): Promise<void> {
  const response = await test;
  if (response.status !== status) {
    throw new Error(`answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

export function expectEnvelope(event: RecordedEvent, commandId: string): void {
  expect(event.actor).toEqual(SECRETARIAT);
  expect(event.commandId).toBe(commandId);
  expect(event.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
}

/** A day as the store writes occurredAt. */
export const day = (iso: string): string => `${iso}T00:00:00.000Z`;

export const hjemTilAlle = {
  allianceId: 'hta',
  name: 'Hjem til Alle',
  goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
  occurredAt: '2016-01-01',
};

export const allFivePrinciples = [
  'youth-involvement',
  'housing-first',
  'long-term-solutions',
  'cross-sector-work',
  'data-driven-work',
];
