import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DemoDataSeeder } from '@ledger/application';
import { authHeader } from '../support/auth';
import { everyEvent, projectionsCaughtUp } from '../support/ledger-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { csv, readWorkbook, workbook } from './spreadsheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import from the secretariat spreadsheets (POST /imports)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let store: EventStore;
  let auth: { Authorization: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);
    auth = await authHeader(app);
    await app.get(DemoDataSeeder).seed();
    await projectionsCaughtUp(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  function upload(content: Buffer, fileName: string, fields: Record<string, string> = {}) {
    let post = request(app.getHttpServer()).post('/imports').set(auth);
    for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
    return post.attach('file', content, fileName);
  }

  const get = async (path: string) => {
    await projectionsCaughtUp(app);
    return (await request(app.getHttpServer()).get(path).set(auth).expect(200)).body;
  };

  describe('partners (xlsx, Danish headers, Danish dates and sector labels)', () => {
    let file: Buffer;

    beforeAll(async () => {
      file = await workbook({
        partnere: [
          ['navn', 'sektor', 'kommune', 'indtrådt'],
          ['Ærø Kommune', 'Myndigheder', 'Ærø', '15-05-2018'],
          ['Boligselskabet Åløkke', 'Den almene boligsektor', null, '15.05.2018'],
          ['Fonden for Øget Trivsel', 'foundation', null, new Date(Date.UTC(2019, 0, 2))],
        ],
      });
    });

    it('a dry run reports every row and appends nothing', async () => {
      const head = await store.headPosition();
      const { status, body } = await upload(file, 'partnere.xlsx');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        mode: 'dry-run',
        outcome: 'checked',
        summary: { rows: 3, accepted: 3, rejected: 0, duplicate: 0, recorded: 0 },
        sheets: [{ sheet: 'partnere', kind: 'partners', rows: 3 }],
      });
      expect(body.rows[0]).toMatchObject({
        row: 2,
        status: 'accepted',
        commands: [
          {
            type: 'JoinAlliance',
            status: 'new',
            streamId: 'partner-aeroe-kommune',
            events: ['PartnerJoined'],
            command: {
              partnerId: 'aeroe-kommune',
              name: 'Ærø Kommune',
              sector: 'authority',
              municipality: 'Ærø',
              occurredAt: '2018-05-15',
            },
          },
        ],
      });
      expect(body.rows[1].commands[0].command).toMatchObject({
        name: 'Boligselskabet Åløkke',
        sector: 'social-housing',
        occurredAt: '2018-05-15',
      });
      expect(body.rows[2].commands[0].command.occurredAt).toBe('2019-01-02');
      expect(body.rows[0].commands[0].commandId).toBe(`import:${body.file.sha256}:partners:2`);
      expect(await store.headPosition()).toBe(head);
    });

    it('applies all rows, shows them in GET /partners, and a second import records nothing', async () => {
      const first = await upload(file, 'partnere.xlsx', { apply: 'true' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        outcome: 'applied',
        summary: { rows: 3, recorded: 3, duplicate: 0, rejected: 0, events: 3 },
      });
      const partners = (await get('/partners')) as Array<{
        name: string;
        sector: string;
        municipality: string | null;
      }>;
      expect(partners).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'Ærø Kommune',
            sector: 'authority',
            municipality: 'Ærø',
          }),
          expect.objectContaining({ name: 'Boligselskabet Åløkke', sector: 'social-housing' }),
          expect.objectContaining({ name: 'Fonden for Øget Trivsel', sector: 'foundation' }),
        ]),
      );
      const head = await store.headPosition();
      const again = await upload(file, 'partnere.xlsx', { apply: 'true' });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({
        outcome: 'applied',
        summary: { rows: 3, recorded: 0, duplicate: 3, events: 0 },
      });
      expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      expect(await store.headPosition()).toBe(head);
      expect((await get('/partners')).length).toBe(partners.length);
    });
  });

  describe('housing counts (csv with ;, all rows or none, valid-only)', () => {
    const header = [
      'periode',
      'antal',
      'kommune',
      'initiativ',
      'partner',
      'kilde',
      'boligtype',
      'permanent',
    ];
    const file = csv([
      header,
      [
        '2024-Q1',
        4,
        'København',
        'Kollegiemodellen (Bo Sammen)',
        'Bikubenfonden',
        'Tildelingsliste Q1',
        'Kollegieværelse',
        'ja',
      ],
      ['2024-Q2', 0, 'Ærø', 'kollegiemodellen', 'Ærø Kommune', 'Optælling', 'Bolig', 'ja'],
      [
        '4. kvartal 2024',
        3,
        'Ærø',
        'kollegiemodellen',
        'aeroe-kommune',
        'Optælling på Ærø',
        'bolig',
        'nej',
      ],
    ]);

    it('names the row, the column and the rule of a rejected row', async () => {
      const { status, body } = await upload(file, 'boligtal.csv');
      expect(status).toBe(200);
      expect(body.summary).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
      expect(body.rows[1]).toMatchObject({
        row: 3,
        status: 'rejected',
        problems: [
          {
            column: 'antal',
            rule: 'whole-number-above-zero',
            text: 'row 3, column antal: must be a whole number above 0',
          },
        ],
      });
      expect(body.rows[2].commands[0].command).toMatchObject({
        period: '2024-Q4',
        count: 3,
        municipality: 'Ærø',
        partnerId: 'aeroe-kommune',
        housingType: 'housing',
        permanent: false,
      });
    });

    it('records nothing when a row is rejected, unless valid-only; then never twice', async () => {
      const before = (await get('/progress')).homes as number;
      const head = await store.headPosition();
      const refused = await upload(file, 'boligtal.csv', { apply: 'true' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        outcome: 'refused',
        summary: { rejected: 1, recorded: 0, notRecorded: 2 },
      });
      expect(await store.headPosition()).toBe(head);

      const partly = await request(app.getHttpServer())
        .post('/imports?apply=true&validOnly=true')
        .set(auth)
        .attach('file', file, 'boligtal.csv');
      expect(partly.status).toBe(201);
      expect(partly.body).toMatchObject({
        outcome: 'applied',
        summary: { recorded: 2, rejected: 1, duplicate: 0 },
      });
      expect((await get('/progress')).homes).toBe(before + 7);

      const again = await upload(file, 'boligtal.csv', { apply: 'true', validOnly: 'true' });
      expect(again.body).toMatchObject({ summary: { recorded: 0, duplicate: 2, rejected: 1 } });
      expect((await get('/progress')).homes).toBe(before + 7);
    });

    it('rejects a row whose partner or initiative is not recorded, and appends nothing', async () => {
      const head = await store.headPosition();
      const unknown = csv([
        header,
        ['2024-Q1', 2, 'Odense', 'kollegiemodellen', 'Ingen Sådan Partner', 'Kilde', 'Bolig', 'ja'],
        ['2024-Q1', 2, 'Odense', 'Intet initiativ', 'Bikubenfonden', 'Kilde', 'Bolig', 'ja'],
      ]);
      const { status, body } = await upload(unknown, 'boligtal.csv', { apply: 'true' });
      expect(status).toBe(422);
      expect(body.rows[0].problems[0]).toMatchObject({
        column: 'partner',
        rule: 'known-partner',
        text: expect.stringContaining(
          'row 2, column partner: no partner "Ingen Sådan Partner" is recorded',
        ),
      });
      expect(body.rows[1].problems[0]).toMatchObject({
        column: 'initiativ',
        rule: 'known-initiative',
      });
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('board seats and declarations', () => {
    it('elects a registered person (by name) at the assembly of the from day, and never records the name', async () => {
      const name = 'Søren Ærbødig Åberg';
      const registered = await request(app.getHttpServer())
        .post('/persons')
        .set(auth)
        .send({ name })
        .expect(201);
      const personId = registered.body.personId as string;
      const file = await workbook({
        seats: [
          ['person', 'organisation', 'body', 'role', 'from', 'to'],
          [name, 'Ærø Kommune', 'Bestyrelse', 'Bestyrelsesmedlem', '01-06-2024', '31-05-2026'],
          [
            'Ikke Registreret',
            'Ærø Kommune',
            'Bestyrelse',
            'Bestyrelsesmedlem',
            '01-06-2024',
            null,
          ],
        ],
      });
      const dry = await upload(file, 'seats.xlsx');
      expect(dry.body.rows[1].problems[0]).toMatchObject({
        column: 'person',
        rule: 'registered-person',
      });
      const { status, body } = await upload(file, 'seats.xlsx', {
        apply: 'true',
        validOnly: 'true',
      });
      expect(status).toBe(201);
      expect(body.rows[0]).toMatchObject({
        status: 'recorded',
        commands: [
          { type: 'HoldGeneralAssembly', status: 'recorded', events: ['GeneralAssemblyHeld'] },
          { type: 'ElectBoardMember', status: 'recorded', events: ['BoardMemberElected'] },
        ],
      });
      const composition = await get('/governance/composition?asOf=2024-07-01');
      expect(composition.bodies.board).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId, organisationId: 'aeroe-kommune', role: 'member' }),
        ]),
      );
      const log = JSON.stringify(await everyEvent(store));
      expect(log).not.toContain('Søren');
      expect(log).not.toContain('Ikke Registreret');
    });

    it('drafts and signs a declaration of an imported partner', async () => {
      const file = await workbook({
        declarations: [
          ['partner', 'status', 'signed on', 'purpose', 'contributions to the goal'],
          [
            'Ærø Kommune',
            'Underskrevet',
            '2020-02-01',
            'Vi vil give unge på Ærø et hjem',
            'To boliger om året; En bostøtte',
          ],
        ],
      });
      const { status, body } = await upload(file, 'erklæringer.xlsx', { apply: 'true' });
      expect(status).toBe(201);
      expect(body.rows[0].commands.map((c: { type: string }) => c.type)).toEqual([
        'DraftPartnershipDeclaration',
        'SignPartnershipDeclaration',
      ]);
      const partner = await get('/partners/aeroe-kommune');
      expect(partner.currentDeclaration).toMatchObject({
        status: 'signed',
        content: expect.objectContaining({
          purpose: 'Vi vil give unge på Ærø et hjem',
          contributionsToGoal: ['To boliger om året', 'En bostøtte'],
        }),
      });
    });
  });

  describe('templates', () => {
    it('serves an xlsx with the columns and an example row that imports cleanly', async () => {
      const response = await request(app.getHttpServer())
        .get('/imports/templates/housing-counts')
        .set(auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toContain(XLSX);
      const book = await readWorkbook(response.body as Buffer);
      const sheet = book.getWorksheet('housing-counts')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
        'report id',
        'period',
        'count',
        'municipality',
        'initiative',
        'partner',
        'source',
        'housing type',
        'permanent',
        'date',
      ]);
      const dry = await upload(response.body as Buffer, 'housing-counts-template.xlsx');
      expect(dry.body.summary).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
      await request(app.getHttpServer()).get('/imports/templates/nothing').set(auth).expect(404);
    });
  });

  describe('bad input: a clear report, nothing written', () => {
    let head: number;
    beforeEach(async () => {
      head = await store.headPosition();
    });
    afterEach(async () => {
      expect(await store.headPosition()).toBe(head);
    });

    it('an empty file', async () => {
      const { status, body } = await upload(Buffer.alloc(0), 'partners.csv', { apply: 'true' });
      expect(status).toBe(400);
      expect(body).toMatchObject({ outcome: 'unreadable', problems: [{ rule: 'empty-file' }] });
    });

    it('a file that is not a spreadsheet', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const { status, body } = await upload(png, 'partners.xlsx', { apply: 'true' });
      expect(status).toBe(415);
      expect(body.problems[0]).toMatchObject({ rule: 'not-a-spreadsheet' });
      const broken = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100, 7)]);
      expect((await upload(broken, 'partners.xlsx')).body.problems[0].rule).toBe(
        'not-a-spreadsheet',
      );
    });

    it('a 50 MB file (413)', async () => {
      const { status } = await upload(Buffer.alloc(50 * 1024 * 1024, 65), 'partners.csv', {
        apply: 'true',
      });
      expect(status).toBe(413);
    });

    it('a sheet with an unknown column', async () => {
      const file = await workbook({
        partners: [
          ['name', 'sector', 'joined', 'shoe size'],
          ['Nyt Netværk', 'civil-society', '01-01-2020', 44],
        ],
      });
      const { status, body } = await upload(file, 'partners.xlsx', { apply: 'true' });
      expect(status).toBe(400);
      expect(body.problems).toEqual([
        expect.objectContaining({
          rule: 'unknown-column',
          message: expect.stringContaining('column D "shoe size" is not a column of partners'),
        }),
      ]);
    });

    it('a formula, naming the cell', async () => {
      const file = await workbook({
        'housing counts': [
          [
            'period',
            'count',
            'municipality',
            'initiative',
            'partner',
            'source',
            'housing type',
            'permanent',
          ],
          [
            '2024-Q3',
            { formula: '2+2', result: 4 },
            'Aarhus',
            'ukhome',
            'aarhus-kommune',
            'Kilde',
            'Bofællesskab',
            'ja',
          ],
        ],
      });
      const { status, body } = await upload(file, 'boligtal.xlsx', { apply: 'true' });
      expect(status).toBe(400);
      expect(body.problems).toEqual([expect.objectContaining({ rule: 'formula', cell: 'B2' })]);
      expect(body.problems[0].message).toContain('cell B2 holds a formula');
    });

    it('merged cells, naming the range', async () => {
      const file = await workbook(
        {
          partners: [
            ['name', 'sector', 'joined'],
            ['Fælles Fond', 'Fonde', '01-01-2020'],
            ['Fælles Fond', 'Fonde', '01-01-2020'],
          ],
        },
        (book) => book.getWorksheet('partners')!.mergeCells('B2:B3'),
      );
      const { status, body } = await upload(file, 'partners.xlsx', { apply: 'true' });
      expect(status).toBe(400);
      expect(body.problems).toEqual([
        expect.objectContaining({ rule: 'merged-cells', cell: 'B2:B3' }),
      ]);
    });

    it('the board may not import', async () => {
      const board = await authHeader(app, 'board');
      await request(app.getHttpServer())
        .post('/imports')
        .set(board)
        .attach('file', csv([['name'], ['x']]), 'partners.csv')
        .expect(403);
    });
  });
});
