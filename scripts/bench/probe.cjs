// Preloaded into a process the benchmark measures (node --require scripts/bench/probe.cjs ...):
// - with an IPC channel, answers 'memory' with the heap and RSS after a full collection
//   (start node with --expose-gc for that);
// - with BENCH_PEAK_FILE set, writes the process's peak resident set size (bytes) there at exit.
// Nothing of it is part of the server or the CLI.
const fs = require('node:fs');

if (process.send) {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    if (global.gc) {
      global.gc();
      global.gc();
    }
    const { heapUsed, rss } = process.memoryUsage();
    process.send({ heapUsed, rss, peakRss: process.resourceUsage().maxRSS * 1024 });
  });
  // The channel must not keep the process alive once its real work is done.
  process.channel?.unref();
}

if (process.env.BENCH_PEAK_FILE) {
  process.on('exit', () => {
    fs.writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS * 1024));
  });
}
