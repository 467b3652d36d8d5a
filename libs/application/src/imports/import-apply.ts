import type { CommandBus } from '@nestjs/cqrs';
import { newIdFor } from '../recording/idempotency';
import type { CommandMetadata, CommandRecorded } from '../recording';
import { CONCURRENCY, limiter } from './concurrency';
import type { RowWork } from './import-check';
import type { ImportOptions, ImportReport } from './import-report';
import { kindSpecs } from './kinds';
import { domainProblem } from './row-problems';

/** One accepted command to send, with the row it belongs to. */
type Send = RowWork['toSend'][number] & { work: RowWork };

/** What the sending of one file shares: the first failure stops the rest. */
interface Recording {
  commands: CommandBus;
  sha256: string;
  receivedAt: string;
  options: ImportOptions;
  report: ImportReport;
  total: number;
  done: number;
  failure?: string;
}

/**
 * Sends the accepted rows' commands, sheet after sheet; per stream in row order. Answers where
 * recording stopped, if it did.
 */
export async function recordAccepted(
  commands: CommandBus,
  work: RowWork[][],
  sha256: string,
  receivedAt: string,
  options: ImportOptions,
  report: ImportReport,
): Promise<string | undefined> {
  const total = work.flat().reduce((n, w) => n + w.toSend.length, 0);
  const recording: Recording = { commands, sha256, receivedAt, options, report, total, done: 0 };
  for (const sheetWork of work) {
    const sends = sheetWork
      .filter((w) => w.report.status === 'accepted')
      .flatMap((w) => w.toSend.map((send) => ({ ...send, work: w })));
    await sendInStreamOrder(recording, sends);
    settleRowStatuses(sheetWork);
    if (recording.failure) {
      for (const later of work.slice(work.indexOf(sheetWork) + 1).flat()) {
        if (later.report.status === 'accepted') later.report.status = 'not-recorded';
      }
      break;
    }
  }
  return recording.failure;
}

/** Commands on one stream one after the other, in row order; different streams a few at a time. */
async function sendInStreamOrder(recording: Recording, sends: Send[]): Promise<void> {
  const tails = new Map<string, Promise<void>>();
  const limit = limiter(CONCURRENCY);
  const all: Array<Promise<void>> = [];
  for (const send of sends) {
    const previous = tails.get(send.planned.streamId) ?? Promise.resolve();
    const next = previous.then(() => limit(() => sendCommand(recording, send)));
    tails.set(send.planned.streamId, next);
    all.push(next);
  }
  await Promise.all(all);
}

/** One command through the command bus, as the seeder sends it; a refusal stops the recording. */
async function sendCommand(recording: Recording, send: Send): Promise<void> {
  if (recording.failure) return;
  const { options, report } = recording;
  const commandId = send.report.commandId;
  const metadata: CommandMetadata = {
    commandId,
    actor: options.actor,
    correlationId: `import:${recording.sha256}`,
    receivedAt: recording.receivedAt,
    newId: (kind) => newIdFor(commandId, kind),
  };
  try {
    const answer: CommandRecorded = await recording.commands.execute(
      new send.planned.commandClass(send.command as never, metadata),
    );
    send.report.status = answer.duplicate ? 'duplicate' : 'recorded';
    send.report.events = answer.events;
    if (!answer.duplicate) report.summary.events += answer.events.length;
  } catch (error) {
    send.report.status = 'failed';
    const problem = domainProblem(error, kindSpecs[send.work.report.kind], {});
    send.work.report.problems.push({
      ...problem,
      text: `row ${send.work.report.row}: refused while recording: ${problem.message}`,
    });
    recording.failure ??= `row ${send.work.report.row} (${problem.message})`;
  } finally {
    options.onProgress?.({ phase: 'recording', done: ++recording.done, total: recording.total });
  }
}

/** A sent row is recorded, a duplicate (all its commands were there), or not recorded. */
function settleRowStatuses(sheetWork: RowWork[]): void {
  for (const w of sheetWork) {
    if (w.report.status !== 'accepted') continue;
    const statuses = w.toSend.map((s) => s.report.status);
    if (statuses.includes('recorded')) w.report.status = 'recorded';
    else if (statuses.length > 0 && statuses.every((s) => s === 'duplicate'))
      w.report.status = 'duplicate';
    else w.report.status = 'not-recorded';
  }
}
