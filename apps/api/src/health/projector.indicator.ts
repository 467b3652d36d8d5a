import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectorService } from '@ledger/platform';

/**
 * Whether this process's projector applies events. Down only when it should and cannot — it
 * lost its lease or its connection (the database away) and keeps trying — not when it stands by
 * because another process holds the lease, and not when it runs elsewhere (PROJECTOR=off).
 */
@Injectable()
export class ProjectorIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly modules: ModuleRef,
  ) {}

  check(key: string) {
    const check = this.indicator.check(key);
    const runner = this.projector()?.runner;
    if (!runner) return check.up({ inProcess: false });
    const { active, trouble } = runner.state;
    return trouble
      ? check.down({ inProcess: true, active, message: trouble })
      : check.up({ inProcess: true, active });
  }

  /** The in-process projector, when the API runs one (PROJECTOR=in-process). */
  private projector(): ProjectorService | undefined {
    try {
      return this.modules.get(ProjectorService, { strict: false });
    } catch {
      return undefined;
    }
  }
}
