import { Writable } from 'node:stream';
import { Controller, Get, INestApplication, Logger as NestLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { loadLedgerConfig } from '../config/ledger-config';
import { LoggingModule } from './logging.module';

@Controller('meeting')
class MeetingController {
  private readonly log = new NestLogger('Meeting');

  @Get()
  agenda(): { items: number } {
    this.log.log('agenda read');
    return { items: 3 };
  }
}

/** What an operator reads in the logs of one request. */
describe('request logs', () => {
  let app: INestApplication;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    const config = loadLedgerConfig({
      DATABASE_URL: 'postgres://unused@localhost/unused',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [LoggingModule.forRoot(config, destination)],
      controllers: [MeetingController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
  });

  afterAll(() => app.close());

  it('carries the request id on every line of a request and keeps secrets out', async () => {
    const response = await request(app.getHttpServer())
      .get('/meeting?year=2019')
      .set('X-Request-Id', 'board-meeting-7')
      .set('Authorization', 'Bearer secret-token')
      .set('Cookie', 'session=secret-cookie')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('board-meeting-7');

    const ofRequest = lines.filter((line) => line.requestId === 'board-meeting-7');
    const inside = ofRequest.find((line) => line.msg === 'agenda read');
    expect(inside).toMatchObject({ context: 'Meeting' });
    const completed = ofRequest.find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({
      req: { method: 'GET', url: '/meeting?year=2019' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    const headers = (completed?.req as { headers: Record<string, string> }).headers;
    expect(headers.authorization).toBe('[Redacted]');
    expect(headers.cookie).toBe('[Redacted]');
    expect(headers['x-request-id']).toBe('board-meeting-7');
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|secret-cookie/);
  });

  it('gives a request without an id one of its own', async () => {
    const response = await request(app.getHttpServer()).get('/meeting').expect(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((line) => line.requestId === id).map((line) => line.msg)).toEqual([
      'agenda read',
      'request completed',
    ]);
  });
});
