import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from '@ledger/application';

/** The auditor's endpoints under /audit (roles come with authentication, in a later issue). */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
