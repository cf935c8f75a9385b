// Preloaded into a benchmarked process: on exit, writes its peak resident set size (KiB) to
// STATUSMARK_RSS_FILE. Worker threads share the process, so they are counted too.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.STATUSMARK_RSS_FILE)
    writeFileSync(process.env.STATUSMARK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
