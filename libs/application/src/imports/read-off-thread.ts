import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FileProblem } from './import-problems';
import type { Sheet, SpreadsheetFormat } from './spreadsheet-reader';

export interface ReadRequest {
  content: Uint8Array;
  fileName: string;
}

/** What the worker answers: the file's SHA-256 and its sheets, or why it cannot be read. */
export type ReadAnswer = { sha256: string } & (
  { format: SpreadsheetFormat; sheets: Sheet[] } | { problems: FileProblem[] } | { failure: string }
);

/**
 * Memory of one reading worker. Rows are streamed and reading stops at the row limit, so a
 * legitimate file of 50,000 rows needs well under this; anything that needs more is refused
 * (413) instead of growing the API process.
 */
export const READ_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 192,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
};
/** A file whose reading takes longer than this is refused. */
export const READ_TIMEOUT_MS = 120_000;
/**
 * Files read at once; the rest wait their turn. One core is left to the API's own thread (and
 * PostgreSQL), so requests keep being answered while files are read.
 */
export const READERS = Math.max(1, availableParallelism() - 1);

let reading = 0;
const waiting: Array<() => void> = [];

/**
 * Hashes and reads an uploaded file in a worker thread (spreadsheet-worker.ts), so the
 * seconds of inflating and parsing a large workbook never hold up the API's event loop.
 */
export async function readOffThread(content: Buffer, fileName: string): Promise<ReadAnswer> {
  if (reading >= READERS) await new Promise<void>((turn) => waiting.push(turn));
  reading++;
  try {
    return await readInWorker(content, fileName);
  } finally {
    reading--;
    waiting.shift()?.();
  }
}

/** A worker that read its last file cleanly is kept this long for the next (starting one costs ~0.5 s). */
const IDLE_MS = 30_000;
const idle: Worker[] = [];
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

function takeWorker(): Worker {
  const worker = idle.pop();
  if (!worker) return startWorker();
  clearTimeout(idleTimers.get(worker));
  worker.ref();
  return worker;
}

function keepWorker(worker: Worker): void {
  // Unreferenced while idle, so an idle worker never keeps a process (the CLI) alive.
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => {
    idle.splice(idle.indexOf(worker), 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

function readInWorker(content: Buffer, fileName: string): Promise<ReadAnswer> {
  return new Promise((resolve) => {
    const worker = takeWorker();
    let settled = false;
    const settle = (answer: ReadAnswer, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      // A worker refused for size or time, or broken, is not trusted with another file.
      if (reusable) keepWorker(worker);
      else void worker.terminate();
      resolve(answer);
    };
    const refuse = (message: string) =>
      settle({ sha256: '', problems: [{ rule: 'file-too-large', message }] });
    const timer = setTimeout(
      () => refuse(`reading the file took more than ${READ_TIMEOUT_MS / 1000} s`),
      READ_TIMEOUT_MS,
    );
    const onMessage = (answer: ReadAnswer) => settle(answer, !('failure' in answer));
    const onError = (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse(
            `reading the file needs more than ${READ_WORKER_LIMITS.maxOldGenerationSizeMb} MB of memory`,
          )
        : settle({ sha256: '', failure: error.stack ?? error.message });
    const onExit = (code: number) =>
      settle({ sha256: '', failure: `the reading worker stopped (exit code ${code})` });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A copy goes to the worker; the caller keeps its buffer.
    worker.postMessage({ content, fileName } satisfies ReadRequest);
  });
}

/**
 * The worker's entry: the compiled spreadsheet-worker.js beside this file when running from
 * dist/ (`nest build`, the API and the CLI). Running from the TypeScript sources (jest with
 * ts-jest) there is no .js here, so the worker first registers ts-node (a devDependency) and
 * then loads the .ts; the .js is looked for first so production never needs ts-node.
 */
function startWorker(): Worker {
  const options = { resourceLimits: READ_WORKER_LIMITS };
  const compiled = join(__dirname, 'spreadsheet-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, options);
  const project = join(__dirname, '..', '..', '..', '..', 'tsconfig.json');
  const bootstrap =
    `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(project)} });` +
    `require(${JSON.stringify(join(__dirname, 'spreadsheet-worker.ts'))});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
