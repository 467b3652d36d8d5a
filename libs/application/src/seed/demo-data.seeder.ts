import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@ledger/event-store';
import { PersonAlreadyRegistered, PersonRegister } from '@ledger/platform';
import { newIdFor, type CommandMetadata, type CommandRecorded } from '../recording';
import { hjemTilAlleSeed, seedPersons } from './hjem-til-alle.seed';
import { SEED_VERSION, seedCommandId, type SeedStep } from './seed-step';

/** What loading the seed did. */
export interface SeedReport {
  /** Steps (commands) recorded now. */
  recorded: number;
  /** Steps whose command id the log already held: nothing was written for them. */
  alreadyThere: number;
  /** Events the recorded steps appended. */
  events: number;
}

/**
 * Whom the seed's events name as their actor. Until authentication (issue 9) everything is
 * recorded as the secretariat's; the id tells the seed's entries apart from hand-made ones.
 */
export const SEED_ACTOR: Actor = { id: 'demo-data-seed', role: 'secretariat' };
/** One correlation id for every event of the seed, so they can be found together. */
export const SEED_CORRELATION_ID = `seed:${SEED_VERSION}:hjem-til-alle`;

/** A step the ledger refused; names the step, keeps the ledger's error as `cause`. */
export class SeedStepRefused extends Error {
  constructor(
    readonly step: string,
    readonly cause: unknown,
  ) {
    super(
      `the demo data step ${step} was refused: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'SeedStepRefused';
  }
}

/**
 * Loads the alliance's known history (hjem-til-alle.seed.ts) through the command bus, exactly as
 * the controllers send commands: each step is its command class with its metadata, decided by
 * the domain and appended by CommandRecorder. Each step's command id is derived from its name,
 * so a second load finds every command already recorded and writes nothing.
 */
@Injectable()
export class DemoDataSeeder {
  constructor(
    private readonly commands: CommandBus,
    private readonly persons: PersonRegister,
  ) {}

  async seed(steps: readonly SeedStep[] = hjemTilAlleSeed): Promise<SeedReport> {
    await this.registerPersons();
    const receivedAt = new Date().toISOString();
    const report: SeedReport = { recorded: 0, alreadyThere: 0, events: 0 };
    // One after another: later steps rest on earlier ones (an election on its assembly).
    for (const step of steps) {
      const commandId = seedCommandId(step.key);
      const metadata: CommandMetadata = {
        commandId,
        actor: SEED_ACTOR,
        correlationId: SEED_CORRELATION_ID,
        receivedAt,
        newId: (kind) => newIdFor(commandId, kind),
      };
      let answer: CommandRecorded;
      try {
        answer = await this.commands.execute(new step.commandClass(step.command, metadata));
      } catch (error) {
        throw new SeedStepRefused(step.key, error);
      }
      if (answer.duplicate) {
        report.alreadyThere++;
      } else {
        report.recorded++;
        report.events += answer.events.length;
      }
    }
    return report;
  }

  /**
   * The seed's people in the person register first: an election names a person the register
   * holds, or it is refused. Someone the sources do not name is registered as such, never with
   * a made-up name. A person registered (or erased) earlier is left as they are.
   */
  private async registerPersons(): Promise<void> {
    for (const [personId, name] of Object.entries(seedPersons)) {
      try {
        await this.persons.register({ personId, name: name ?? UNNAMED_IN_SOURCES });
      } catch (error) {
        if (!(error instanceof PersonAlreadyRegistered)) throw error;
      }
    }
  }
}

/** What the register says of a seat's holder the sources give no name for. */
export const UNNAMED_IN_SOURCES = 'Not named in the sources';
