/**
 * Preloaded into an API process by a test (NODE_OPTIONS=--require <this file>, LOOP_DELAY_FILE
 * set): how late the process's event loop ran. On SIGUSR2 it writes the delays since the last
 * signal (p50, p99, max in ms) to LOOP_DELAY_FILE and starts counting again. A blocked event
 * loop shows here directly, apart from the machine's own noise that an HTTP round trip adds.
 */
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.LOOP_DELAY_FILE) {
  const { writeFileSync } = require('node:fs');
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  process.on('SIGUSR2', () => {
    const figures = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
    };
    histogram.reset();
    writeFileSync(process.env.LOOP_DELAY_FILE, JSON.stringify(figures));
  });
}
