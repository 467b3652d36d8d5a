import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hjemTilAlle, Ledger, startLedger } from '../commands/support';
import { projectionsCaughtUp } from '../support/ledger-events';
import { signIn, TestUser } from '../support/auth';
import { spawnLedger } from '../support/spawn-ledger';

/** The person register: names outside the log, erasable without touching the log. */
describe('persons: names outside the immutable events, and forgetting them', () => {
  let ledger: Ledger;
  let board: TestUser;
  let agiId: string;
  let mettesId: string;
  const NAME = 'Agi Csonka';
  const gov = '/governance/hta';
  const get = (path: string, user: { auth: { Authorization: string } }) =>
    request(ledger.app.getHttpServer()).get(path).set(user.auth).expect(200);
  const secretariat = () => ({ auth: ledger.auth });
  const databaseUrl = () => (ledger.app.get(DataSource).options as { url: string }).url;

  beforeAll(async () => {
    ledger = await startLedger();
    board = await signIn(ledger.app, 'board');
    await ledger.post('/alliance', hjemTilAlle).expect(201);
    await ledger.knows({ partners: ['kab'], organisations: ['villumfonden'] });
    await ledger
      .post(`${gov}/general-assemblies`, { assemblyId: 'ga-2018', occurredAt: '2018-05-15' })
      .expect(201);
  });
  afterAll(() => ledger?.close());

  it('registers a person (name, contact) and answers the id governance commands use', async () => {
    const registered = await ledger
      .post('/persons', {
        personId: 'person-agi',
        name: NAME,
        contact: { email: 'agi@example.dk' },
      })
      .expect(201);
    expect(registered.body).toEqual({ personId: 'person-agi' });
    agiId = registered.body.personId;
    const generated = await ledger.post('/persons', { name: 'Mette Frederiksen' }).expect(201);
    mettesId = generated.body.personId;
    expect(mettesId).toMatch(/^person-[0-9a-f-]{36}$/);
    // The same id twice is refused: 409, and the first stays.
    await ledger.post('/persons', { personId: 'person-agi', name: 'Someone Else' }).expect(409);
    // Board and auditor may not register; bad bodies are 400.
    await request(ledger.app.getHttpServer())
      .post('/persons')
      .set(board.auth)
      .send({ name: 'X' })
      .expect(403);
    await ledger.post('/persons', { name: '' }).expect(400);
    await ledger.post('/persons', { name: 'X', contact: { email: 'not-mail' } }).expect(400);
    await ledger.post('/persons', { name: 'X', contact: { twitter: '@x' } }).expect(400);

    await ledger
      .post(`${gov}/board/elections`, {
        assemblyId: 'ga-2018',
        personId: agiId,
        organisationId: 'villumfonden',
        role: 'chair',
        term: { startsOn: '2018-05-15', endsOn: null },
      })
      .expect(201);
    await ledger
      .post(`${gov}/board/elections`, {
        assemblyId: 'ga-2018',
        personId: mettesId,
        organisationId: 'kab',
        role: 'member',
        term: { startsOn: '2018-05-15', endsOn: null },
      })
      .expect(201);
    await projectionsCaughtUp(ledger.app);
  });

  it('shows the name to readers, and the contact details to the secretariat only', async () => {
    expect((await get(`/persons/${agiId}`, secretariat())).body).toEqual({
      personId: agiId,
      name: NAME,
      contact: { email: 'agi@example.dk' },
    });
    expect((await get(`/persons/${agiId}`, board)).body).toEqual({ personId: agiId, name: NAME });
    await request(ledger.app.getHttpServer()).get('/persons/nobody').set(board.auth).expect(404);
    const composition = (await get('/governance/composition?asOf=2018-06-01', board)).body;
    expect(composition.bodies.board.map((s: { personId: string }) => s.personId)).toEqual([
      agiId,
      mettesId,
    ]);
    expect(composition.names[agiId]).toEqual({ personId: agiId, name: NAME });
    const timeline = (await get('/governance/timeline', board)).body;
    expect(timeline.names[agiId]).toEqual({ personId: agiId, name: NAME });
  });

  it('never writes a name into the log or the read models', async () => {
    const db = ledger.app.get(DataSource);
    const [events] = await db.query(
      `SELECT count(*)::int AS n FROM event_store.events WHERE data::text LIKE $1`,
      [`%${NAME}%`],
    );
    expect(events.n).toBe(0);
    const [timeline] = await db.query(
      `SELECT count(*)::int AS n FROM read_models.governance_timeline WHERE details::text LIKE $1 OR person_id LIKE $1`,
      [`%${NAME}%`],
    );
    expect(timeline.n).toBe(0);
  });

  it('cli persons forget erases the name everywhere; history, the board on a date and verify still work', async () => {
    const before = await ledger.store.verify();
    const headBefore = await ledger.store.headPosition();
    const cli = spawnLedger(
      'cli',
      {
        DATABASE_URL: databaseUrl(),
        SIGNING_KEY_FILE: join(tmpdir(), `ledger-persons-key-${process.pid}.pem`),
        LOG_LEVEL: 'warn',
      },
      ['persons', 'forget', agiId],
    );
    expect({ code: await cli.exited, output: cli.output() }).toEqual({
      code: 0,
      output: expect.stringContaining(`erased the name and contact details of ${agiId}`),
    });
    expect(cli.output()).not.toContain(NAME);

    // The log is exactly as it was: same head, same chain, verify still passes.
    expect(await ledger.store.headPosition()).toBe(headBefore);
    const after = await ledger.store.verify();
    expect(after.ok).toBe(true);
    expect(after.lastGlobalHash).toBe(before.lastGlobalHash);
    expect(after.eventsChecked).toBe(before.eventsChecked);

    // The person is shown by the seats they held, never by name.
    const person = (await get(`/persons/${agiId}`, secretariat())).body;
    expect(person).toEqual({ personId: agiId, erased: true, label: 'a former board member' });
    const composition = (await get('/governance/composition?asOf=2018-06-01', board)).body;
    expect(
      composition.bodies.board.map((s: { personId: string; role: string }) => [s.personId, s.role]),
    ).toEqual([
      [agiId, 'chair'],
      [mettesId, 'member'],
    ]);
    expect(composition.names[agiId]).toEqual({
      personId: agiId,
      erased: true,
      label: 'a former board member',
    });
    expect(composition.names[mettesId]).toEqual({ personId: mettesId, name: 'Mette Frederiksen' });
    const timeline = (await get(`/governance/timeline?personId=${agiId}`, board)).body;
    expect(timeline.entries.map((e: { kind: string }) => e.kind)).toEqual(['BoardMemberElected']);
    for (const body of [person, composition, timeline]) {
      expect(JSON.stringify(body)).not.toContain(NAME);
      expect(JSON.stringify(body)).not.toContain('agi@example.dk');
    }
    const [row] = await ledger.app
      .get(DataSource)
      .query(`SELECT name, contact, erased_at FROM personal_data.persons WHERE person_id = $1`, [
        agiId,
      ]);
    expect(row).toEqual({ name: null, contact: null, erased_at: expect.any(Date) });
    // The id stays taken: it cannot be registered to someone else.
    await ledger.post('/persons', { personId: agiId, name: 'Someone Else' }).expect(409);
  });

  it('cli persons forget on an unknown id says so and exits 1', async () => {
    const cli = spawnLedger(
      'cli',
      {
        DATABASE_URL: databaseUrl(),
        SIGNING_KEY_FILE: join(tmpdir(), `ledger-persons-key-${process.pid}.pem`),
        LOG_LEVEL: 'warn',
      },
      ['persons', 'forget', 'person-nobody'],
    );
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('not in the register');
  });
});
