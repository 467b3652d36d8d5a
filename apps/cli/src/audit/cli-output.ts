import { createWriteStream, unlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { Presets, SingleBar } from 'cli-progress';

/** Replays shorter than this finish before a bar would tell anyone anything. */
const LONG_REPLAY = 10_000;

/** A progress bar on stderr (stdout stays clean for the report), shown only for long replays. */
export function replayProgressBar(label: string) {
  let bar: SingleBar | null = null;
  return {
    update: (position: number, head: number) => {
      if (!bar && head >= LONG_REPLAY) {
        bar = new SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} events`,
            stream: process.stderr,
            hideCursor: true,
            noTTYOutput: true,
            notTTYSchedule: 2000,
          },
          Presets.shades_classic,
        );
        bar.start(head, position);
      }
      bar?.update(position);
    },
    stop: () => bar?.stop(),
  };
}

/** Writes text to a file, or to stdout when no file is named. */
export function writeOutput(text: string, file: string | undefined): void {
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

/** A writer with back-pressure, to a file or stdout; `abort` removes a half-written file. */
export function openOutput(file: string | undefined) {
  const stream = file ? createWriteStream(file) : process.stdout;
  return {
    write: async (chunk: string) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close: async () => {
      if (file) {
        const closed = once(stream, 'close');
        stream.end();
        await closed;
      }
    },
    abort: () => {
      if (!file) return;
      stream.destroy();
      try {
        unlinkSync(file);
      } catch {
        // nothing was written
      }
    },
  };
}
