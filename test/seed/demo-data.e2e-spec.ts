import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { loadLedgerConfig } from '@ledger/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  DemoDataSeeder,
  hjemTilAlleSeed,
  SEED_ACTOR,
  SEED_DESCRIPTION,
  seedPersons,
  SeedReport,
} from '@ledger/application';
import { authHeader } from '../support/auth';
import { everyEvent, projectionsCaughtUp } from '../support/ledger-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';

describe('the Hjem til Alle demo data, loaded by the seeder (cli seed)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let store: EventStore;
  let first: SeedReport;
  let headAfterFirst: number;
  let auth: { Authorization: string };
  const get = (path: string) => request(app.getHttpServer()).get(path).set(auth).expect(200);

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);
    auth = await authHeader(app);
    // The test configuration never seeds by itself.
    expect(await store.headPosition()).toBe(0);
    first = await app.get(DemoDataSeeder).seed();
    headAfterFirst = await store.headPosition();
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('records every step once, as ordinary events', () => {
    expect(first).toEqual({
      recorded: hjemTilAlleSeed.length,
      alreadyThere: 0,
      events: headAfterFirst,
    });
    expect(first.recorded).toBeGreaterThan(60);
  });

  it('shows the board, the Advisory Board and the secretariat of 1 June 2018', async () => {
    const { body } = await get('/governance/composition?asOf=2018-06-01');
    const board = body.bodies.board as Array<{
      personId: string;
      role: string;
      organisationId: string;
    }>;
    expect(board).toHaveLength(8);
    expect(board[0]).toMatchObject({
      personId: 'person-0001',
      role: 'chair',
      organisationId: 'villumfonden',
    });
    expect(board[1]).toMatchObject({
      personId: 'person-0002',
      role: 'vice-chair',
      organisationId: 'bikubenfonden',
    });
    expect(board.slice(2).every((seat) => seat.role === 'member')).toBe(true);
    expect(body.bodies['advisory-board']).toHaveLength(14);
    expect(body.bodies.secretariat).toEqual([
      expect.objectContaining({ personId: 'person-0009', role: 'director' }),
      expect.objectContaining({ personId: 'person-0010', role: 'consultant' }),
      expect.objectContaining({ personId: 'person-0011', role: 'consultant' }),
    ]);
    // Before the association there was no board yet.
    const before = await get('/governance/composition?asOf=2017-06-01');
    expect(before.body.bodies.board).toEqual([]);
    // The (illustratively dated) change of director.
    const later = await get('/governance/composition?asOf=2023-01-01&body=secretariat');
    expect(later.body.bodies.secretariat[0]).toMatchObject({
      personId: 'person-0012',
      role: 'director',
    });
  });

  it('lists the founders with their sectors, and the later partners', async () => {
    const { body } = await get('/partners');
    const byId = new Map(
      (body as Array<{ partnerId: string }>).map((partner) => [partner.partnerId, partner]),
    );
    expect(byId.size).toBe(21);
    expect(byId.get('bikubenfonden')).toMatchObject({
      name: 'Bikubenfonden',
      sector: 'foundation',
      status: 'member',
    });
    expect(byId.get('koebenhavns-kommune')).toMatchObject({
      sector: 'authority',
      municipality: 'København',
    });
    expect(byId.get('kab')).toMatchObject({ sector: 'social-housing' });
    expect(byId.get('sand')).toMatchObject({ sector: 'civil-society' });
    expect(byId.get('metropol')).toMatchObject({
      name: 'Københavns Professionshøjskole',
      sector: 'knowledge-institution',
    });
    expect(byId.get('falck')).toMatchObject({ sector: 'private-housing' });
    for (const id of [
      'realdania',
      'helsefonden',
      'ungdommens-roede-kors',
      'kl',
      'socialstyrelsen',
    ]) {
      expect(byId.get(id)).toMatchObject({ status: 'member' });
    }
    expect(byId.get('odense-kommune')).toMatchObject({
      sector: 'authority',
      municipality: 'Odense',
      declarationStatus: 'draft',
    });
    const odense = await get('/partners/odense-kommune');
    expect(odense.body.currentDeclaration.content.purpose).toContain('2300 homeless young people');
  });

  it('shows the initiatives with their targets', async () => {
    const { body } = await get('/initiatives');
    const byId = new Map((body as Array<{ initiativeId: string }>).map((i) => [i.initiativeId, i]));
    expect(byId.get('kollegiemodellen')).toMatchObject({
      targetQuantity: 100,
      targetUnit: 'homes',
      phase: 'pilot',
      homesCounted: 18,
    });
    expect(byId.get('hjem-til-dig')).toMatchObject({
      targetQuantity: 60,
      targetUnit: 'young-people-reached',
      homesCounted: 2,
    });
    expect(byId.get('ukhome')).toMatchObject({ targetQuantity: 12, homesCounted: 12 });
  });

  it('counts the seeded homes by initiative toward 2300', async () => {
    const { body } = await get('/progress');
    expect(body.goal).toMatchObject({ homes: 2300, fromYear: 2016, toYear: 2026 });
    expect(body.homes).toBe(32);
    const byInitiative = Object.fromEntries(
      (body.byInitiative as Array<{ key: string; homes: number }>).map((b) => [b.key, b.homes]),
    );
    expect(byInitiative).toEqual({ kollegiemodellen: 18, 'hjem-til-dig': 2, ukhome: 12 });
    // As the world stood at the end of 2018: only the 2018 reports.
    const in2018 = await get('/progress?asOf=2018-12-31');
    expect(in2018.body.homes).toBe(20);
  });

  it('keeps an intact hash chain', async () => {
    const verdict = await store.verify();
    expect(verdict.faults).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.eventsChecked).toBe(headAfterFirst);
  });

  it("names the seed's commands and actor, and no person by name", async () => {
    const events = await everyEvent(store);
    expect(events).toHaveLength(headAfterFirst);
    for (const event of events) {
      expect(event.commandId).toMatch(/^seed:v1:/);
      expect(event.actor).toEqual(SEED_ACTOR);
    }
    const everything = JSON.stringify(events.map((event) => event.data));
    for (const name of Object.values(seedPersons)) {
      if (name) expect(everything).not.toContain(name);
    }
    expect(everything).not.toMatch(/Vibe|Kira|Agi|Czonka|Csonka/);
  });

  it('records nothing the second time', async () => {
    const again = await app.get(DemoDataSeeder).seed();
    expect(again).toEqual({ recorded: 0, alreadyThere: hjemTilAlleSeed.length, events: 0 });
    expect(await store.headPosition()).toBe(headAfterFirst);
  });

  it('describes its sources, approximations and illustrative figures', () => {
    expect(SEED_DESCRIPTION).toMatch(/ILLUSTRATIVE/);
    expect(SEED_DESCRIPTION).toMatch(/APPROXIMATE/);
    expect(new Set(hjemTilAlleSeed.map((step) => step.key)).size).toBe(hjemTilAlleSeed.length);
  });
});

describe('SEED_DEMO_DATA at start-up', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database?.drop();
  });

  async function headAfterStart(seedDemoData: 'true' | 'false'): Promise<number> {
    const app = await createApiApp(
      testConfig(database.url, { SEED_DEMO_DATA: seedDemoData }),
      database.url,
    );
    try {
      await app.init();
      return await app.get<EventStore>(EVENT_STORE).headPosition();
    } finally {
      await app.close();
    }
  }

  it('true: an empty log gets the demo data once; a log that holds something is left alone', async () => {
    const seeded = await headAfterStart('true');
    expect(seeded).toBeGreaterThan(60);
    expect(await headAfterStart('true')).toBe(seeded);
  });

  it('false: the log stays empty', async () => {
    expect(await headAfterStart('false')).toBe(0);
  });
});

describe('the SEED_DEMO_DATA setting', () => {
  it('is true unless set to false, and refuses anything else', () => {
    expect(loadLedgerConfig({}).seedDemoData).toBe(true);
    expect(loadLedgerConfig({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
    expect(loadLedgerConfig({ SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
    expect(() => loadLedgerConfig({ SEED_DEMO_DATA: 'sometimes' })).toThrow(
      'Invalid setting SEED_DEMO_DATA: must be a boolean (got "sometimes")',
    );
  });
});
