import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/** The OpenAPI document of the API, from the controllers' and DTOs' decorators. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hjem til Alle — alliance ledger')
      .setDescription(
        'The event-sourced record of the Hjem til Alle alliance: partners and their declarations, ' +
          'governance, initiatives and the count of new homes toward 2300.\n\n' +
          'Every endpoint but /health, /docs, /public/summary and POST /auth/login needs ' +
          '`Authorization: Bearer <token>` from POST /auth/login: 401 without a valid token, 403 ' +
          'when your role may not call it (writes: secretariat; reads: secretariat, board, ' +
          'auditor; /audit: auditor), 429 when over the rate limit, 413 for a body over 1 MB, ' +
          '415 for a body that is not JSON.',
      )
      .setVersion('0.1.0')
      // The alliance's own software, not published under a licence.
      .setLicense('UNLICENSED', '')
      // Relative: the document describes whichever server it is fetched from.
      .addServer('/', 'This server')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'From POST /auth/login',
      })
      .build(),
  );
  // setLicense always writes a url; an empty one is not a URL.
  if (document.info.license) delete document.info.license.url;
  return document;
}

/**
 * The Swagger UI at /docs and the document itself at /docs-json (where Nest and most tools look
 * first) and at /docs/openapi.json (where it has been since issue 8).
 */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app
    .getHttpAdapter()
    .get('/docs/openapi.json', (_request: Request, response: Response) => response.json(document));
}
