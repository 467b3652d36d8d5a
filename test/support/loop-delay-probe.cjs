/**
 * Preloaded into an API process by a test (NODE_OPTIONS=--require <this file>, LOOP_DELAY_FILE
 * set): how late the process's event loop ran. On SIGUSR2 it writes the delays since the last
 * signal (p50, p99, max in ms, and the garbage collections meanwhile) to LOOP_DELAY_FILE and
 * starts counting again. A blocked event
 * loop shows here directly, apart from the machine's own noise that an HTTP round trip adds.
 */
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.LOOP_DELAY_FILE) {
  const { writeFileSync } = require('node:fs');
  const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Garbage collection on this thread, which a long delay may be.
  let gc = { count: 0, total: 0, longest: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.total += entry.duration;
      gc.longest = Math.max(gc.longest, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  process.on('SIGUSR2', () => {
    const figures = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      gc: { count: gc.count, totalMs: Math.round(gc.total), longestMs: Math.round(gc.longest) },
    };
    histogram.reset();
    gc = { count: 0, total: 0, longest: 0 };
    writeFileSync(process.env.LOOP_DELAY_FILE, JSON.stringify(figures));
  });
}
