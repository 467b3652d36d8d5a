import { createHash } from 'node:crypto';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { UnreadableImport } from './import-problems';
import { readSpreadsheet } from './spreadsheet-reader';
import type { ReadRequest, ReadAnswer } from './read-off-thread';

/**
 * The worker thread that reads uploaded files, one at a time (read-off-thread.ts starts it): hashing,
 * inflating and parsing 10 MB take seconds of CPU, which on the API's thread would stall every
 * other request. Only this file's imports are loaded here: no Nest, no database.
 */
// Linux keeps a nice value per thread, so this lowers this worker alone: when the CPU is short,
// the API's own thread (answering requests) goes first. Elsewhere it would renice the process.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not allowed here; reading still works, at the same priority
  }
}

parentPort?.on('message', async ({ content, fileName }: ReadRequest) => {
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  let answer: ReadAnswer;
  try {
    answer = { sha256, ...(await readSpreadsheet(buffer, fileName)) };
  } catch (error) {
    answer =
      error instanceof UnreadableImport
        ? { sha256, problems: error.problems }
        : {
            sha256,
            failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  parentPort?.postMessage(answer);
});
