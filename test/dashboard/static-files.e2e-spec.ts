import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { testConfig } from '../support/test-config';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const BUILT = join(__dirname, '..', '..', 'dist', 'dashboard');

/** GET over plain HTTP, with the bytes as sent: supertest would unpack a gzipped body. */
function rawGet(
  base: string,
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    }).on('error', reject);
  });
}

/**
 * The dashboard's files as the API sends them (issue 17, item 13): compressed when the browser
 * asks for it, and no source maps, built or served.
 */
describe("the dashboard's static files", () => {
  let database: TestDatabase;
  let app: INestApplication;
  let bundle: string;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(BUILT, 'index.html'))) {
      throw new Error(`${BUILT} is missing: run npm run build (it builds the dashboard) first`);
    }
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const index = await request(app.getHttpServer()).get('/').expect(200);
    bundle = /<script[^>]+src="([^"]+\.js)"/.exec(index.text)?.[1] ?? '';
    expect(bundle).toMatch(/^\/assets\/.+\.js$/);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('sends the JavaScript bundle gzipped when the browser accepts gzip', async () => {
    const plain = await rawGet(base, bundle, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await rawGet(base, bundle, 'gzip, deflate');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });

  it('sends it brotli-compressed when the browser accepts br', async () => {
    const plain = await rawGet(base, bundle, 'identity');
    const compressed = await rawGet(base, bundle, 'br');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.body).equals(plain.body)).toBe(true);
  });

  it('serves no source map: none is built, and a .map path answers 404', async () => {
    const maps = readdirSync(join(BUILT, 'assets')).filter((name) => name.endsWith('.map'));
    expect(maps).toEqual([]);
    await request(app.getHttpServer()).get(`${bundle}.map`).expect(404);
    await request(app.getHttpServer()).get('/assets/anything.js.map').expect(404);
  });

  it('leaves the API answers as they were (JSON is not the files this is about)', async () => {
    const response = await request(app.getHttpServer())
      .get('/health')
      .set('Accept-Encoding', 'gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
