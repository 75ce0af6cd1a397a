// Budget: the shell's initial JavaScript (the entry chunk and everything it imports statically) is at
// most 200 KB gzipped; pages are lazy chunks and do not count. Fails the build when over.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 200 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = new Set();
const visit = (key) => {
  if (initial.has(key)) return;
  initial.add(key);
  (manifest[key].imports ?? []).forEach(visit);
};
visit(entry);
let total = 0;
for (const key of initial) {
  total += gzipSync(readFileSync(dist + manifest[key].file)).length;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`size-check: shell initial JS ${kb(total)} gzipped in ${initial.size} chunk(s) (budget ${kb(BUDGET)})`);
if (total > BUDGET) {
  console.error('size-check: over budget');
  process.exit(1);
}
