// Screenshots of a built public site for review by eye:
//   node tests/e2e/screenshots.mjs PUBLIC_DIR OUT_DIR
// The register and a record page at 390 px (phone) and 1280 px (desktop), full
// length, and the register as printed (A4 landscape PDF).
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch } from './browser.mjs';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: node tests/e2e/screenshots.mjs PUBLIC_DIR OUT_DIR');
  process.exit(2);
}
await mkdir(out, { recursive: true });
const entries = await readdir(root, { withFileTypes: true });
const record = process.env.RECORD || entries.find((e) => e.isDirectory() && !['berakhir', 'tentang', 'riwayat'].includes(e.name)).name;
const server = await serve(root);
const browser = await launch();
for (const [name, width, height] of [['ponsel', 390, 844], ['desktop', 1280, 900]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  for (const [label, path] of [['daftar', 'index.html'], ['catatan', `${record}/index.html`], ['berakhir', 'berakhir/index.html']]) {
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.screenshot({ path: join(out, `${label}-${name}.png`), fullPage: true });
  }
  await page.close();
}
const page = await browser.newPage();
await page.goto(server.url + 'index.html', { waitUntil: 'load' });
await page.pdf({ path: join(out, 'daftar-cetak.pdf'), format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
await browser.close();
server.close();
console.log(`Tangkapan layar ditulis ke ${out}`);
