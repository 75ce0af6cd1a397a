// Budget: the shell's initial JavaScript (the entry chunk and everything it imports statically) is at
// most 200 KB gzipped; pages are lazy chunks and do not count. The public survey answer page
// (answer.html) is at most 50 KB gzipped, its JavaScript and CSS together. Fails the build when over.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 200 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key !== 'answer.html');
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

const ANSWER_BUDGET = 50 * 1024;
const answer = manifest['answer.html'];
if (!answer) {
  console.error('size-check: the answer page entry (answer.html) is missing from the build');
  process.exit(1);
}
const answerFiles = new Set(['answer.html']);
const answerChunks = new Set();
const visitAnswer = (key) => {
  if (answerChunks.has(key)) return;
  answerChunks.add(key);
  answerFiles.add(manifest[key].file);
  (manifest[key].css ?? []).forEach((file) => answerFiles.add(file));
  (manifest[key].imports ?? []).forEach(visitAnswer);
};
visitAnswer('answer.html');
let answerTotal = 0;
for (const file of answerFiles) {
  answerTotal += gzipSync(readFileSync(dist + file)).length;
}
console.log(`size-check: answer page ${kb(answerTotal)} gzipped, HTML, JS and CSS (budget ${kb(ANSWER_BUDGET)})`);
if (answerTotal > ANSWER_BUDGET) {
  console.error('size-check: the answer page is over budget');
  process.exit(1);
}
