import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadLedgerConfig } from '@ledger/platform';
import { ApiModule } from '../api.module';
import { openApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a database or a server: Nest's preview mode builds the module
 * graph and reads the routes' decorators but creates no provider, so nothing connects anywhere.
 * test/openapi/openapi-document.e2e-spec.ts checks it equals what the running API serves.
 */
export async function openApiDocumentWithoutServer(): Promise<OpenAPIObject> {
  // Settings only shape which modules are imported; none is used in preview mode.
  const unused = join(tmpdir(), 'ledger-openapi-unused');
  const databaseUrl = 'postgres://unused@127.0.0.1:1/unused';
  const config = loadLedgerConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    SIGNING_KEY_FILE: `${unused}.pem`,
    JWT_SECRET_FILE: `${unused}.jwt`,
  });
  const app = await NestFactory.create(ApiModule.forRoot(config, databaseUrl), {
    preview: true,
    logger: false,
  });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/** `node dist/apps/api/src/openapi/write-openapi.js <file>` (npm run openapi:check). */
if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: write-openapi <file.json>');
    process.exit(2);
  }
  openApiDocumentWithoutServer().then(
    (document) => writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
