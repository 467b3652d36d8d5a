import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { LedgerConfig } from '@ledger/platform';
import { ApiModule } from './api.module';
import { LedgerErrorsFilter, validationExceptionFactory } from './http-errors';

/**
 * Builds the HTTP application exactly as it runs in production; end-to-end tests use this too,
 * so what they exercise is what users get.
 */
export async function createApiApp(
  config: LedgerConfig,
  databaseUrl: string,
): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new LedgerErrorsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hjem til Alle — alliance ledger')
      .setDescription(
        'The event-sourced record of the Hjem til Alle alliance: partners and their declarations, ' +
          'governance, initiatives and the count of new homes toward 2300.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
