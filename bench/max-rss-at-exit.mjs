// Preloaded into a benchmarked process: its peak resident memory, as the kernel counted it, on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
