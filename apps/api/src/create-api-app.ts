import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { LedgerConfig } from '@ledger/platform';
import { ApiModule } from './api.module';
import { LedgerErrorsFilter, validationExceptionFactory } from './http-errors';
import { refuseBodyNotUtf8, refuseQueryNotUtf8 } from './input/utf8-input';
import { WellFormedTextPipe } from './input/well-formed-text.pipe';
import { openApiDocument, serveOpenApi } from './openapi/openapi-document';
import { serveDashboard } from './public/dashboard-static';

/**
 * Builds the HTTP application exactly as it runs in production; end-to-end tests use this too,
 * so what they exercise is what users get.
 */
export async function createApiApp(
  config: LedgerConfig,
  databaseUrl: string,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config, databaseUrl),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  harden(app, config);
  // The web dashboard (dist/dashboard) at `/`; every path it lacks falls through to the API.
  serveDashboard(app);
  app.useGlobalPipes(
    // First: NUL and lone surrogates in any text, named, before the DTOs' own checks.
    new WellFormedTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new LedgerErrorsFilter());
  // OpenAPI at /docs, /docs-json and /docs/openapi.json (apps/api/src/openapi).
  serveOpenApi(app, openApiDocument(app));
  return app;
}

/**
 * `__proto__`, `constructor` and `prototype` are no field of any command; the validation would
 * silently drop them, so they are refused outright (400) while the JSON is parsed.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new SyntaxError(`the key "${key}" is not allowed in a request body`);
  }
  return value;
}

/** Largest request body accepted; a bigger one is answered 413 before it is parsed. */
export const BODY_LIMIT = '1mb';

/**
 * HTTP hardening (issue 9): security headers (helmet), a body size limit, CORS only for the
 * origins in CORS_ORIGINS, and the client IP behind TRUST_PROXY_HOPS proxies (for the rate
 * limits). Authentication, roles and rate limits are global guards (auth/auth.module.ts).
 */
function harden(app: NestExpressApplication, config: LedgerConfig): void {
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  // The API answers JSON only: nothing may be loaded, framed or run from it.
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  // The Swagger UI page (/docs) loads its scripts from itself and uses inline styles and data:
  // images: helmet's default policy (script-src 'self', style-src 'self' 'unsafe-inline').
  const docs = helmet();
  app.use((request: Request, response: Response, next: NextFunction) =>
    (request.path === '/docs' || request.path.startsWith('/docs/') ? docs : api)(
      request,
      response,
      next,
    ),
  );
  // Commands are JSON: a body of any other type is refused (415) rather than read as no body.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const hasBody =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    // The one exception: spreadsheets are uploaded to POST /imports as multipart/form-data (issue 11).
    const upload = request.path === '/imports' && Boolean(request.is('multipart/form-data'));
    if (hasBody && !upload && !request.is('application/json')) {
      response.status(415).json({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'send the body as application/json',
      });
      return;
    }
    next();
  });
  app.useBodyParser('json', {
    limit: BODY_LIMIT,
    reviver: refusePrototypeKeys,
    verify: refuseBodyNotUtf8,
  });
  app.use(refuseQueryNotUtf8);
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['Idempotent-Replay', 'X-Request-Id', 'Ledger-Export-Digest'],
      maxAge: 600,
    });
  }
}
