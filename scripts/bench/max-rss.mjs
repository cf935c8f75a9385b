// Preloaded into a benchmarked process: on exit, writes its peak resident set size (KiB) and its
// user and system CPU time (µs) as JSON to STATUSMARK_RSS_FILE. Worker threads share the process,
// so they are counted too.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.STATUSMARK_RSS_FILE) {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(process.env.STATUSMARK_RSS_FILE, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  }
});
