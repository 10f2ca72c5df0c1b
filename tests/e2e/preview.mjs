// The preview in a real browser: `daftar serve` on a copy of a site, a record page open
// in headless Chromium, and the record edited the way editors save files.
//   node tests/e2e/preview.mjs DAFTAR_BINARY SITE_DIR
// Checks that the open page shows a saved change by itself; that a save that breaks the
// record shows the overlay (file, line, column, code) over the last good page; and that
// fixing the file clears the overlay.
import { spawn } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from './browser.mjs';

const [binary, site] = process.argv.slice(2);
if (!binary || !site) {
  console.error('usage: node tests/e2e/preview.mjs DAFTAR_BINARY SITE_DIR');
  process.exit(2);
}
const record = 'content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md';
const pagePath = 'dkisp-2025-004-konfigurasi-keamanan-pusat-data/';
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'GAGAL'} ${what}`);
};

// Editors write a temporary file and rename it over the record.
async function save(text) {
  const path = join(site, record);
  const temp = join(site, 'content/dkisp/.simpan.tmp');
  await writeFile(temp, text);
  await rename(temp, path);
}

const server = spawn(binary, ['serve', '--root', site, '--port', '0', '--tanggal', '2026-11-25'], {
  env: { ...process.env, NO_COLOR: '1' },
});
const url = await new Promise((resolve, reject) => {
  let seen = '';
  const timer = setTimeout(() => reject(new Error(`daftar serve did not start:\n${seen}`)), 30000);
  const read = (chunk) => {
    seen += chunk;
    const m = seen.match(/Pratinjau berjalan di (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  };
  server.stdout.on('data', read);
  server.stderr.on('data', read);
});

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url + pagePath);
  const original = await readFile(join(site, record), 'utf8');
  const title = 'Judul disunting di penyunting teks';
  await save(original.replace(/^judul = "[^"]*"/m, `judul = "${title}"`));
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title, { timeout: 15000 });
  check(true, 'the open page shows the saved title by itself');

  const good = await readFile(join(site, record), 'utf8');
  const at = good.indexOf('\n', good.indexOf('\njudul = ') + 1) + 1;
  const line = good.slice(0, at).split('\n').length;
  await save(`${good.slice(0, at)}warna = "merah"\n${good.slice(at)}`);
  const overlay = page.locator('#daftar-masalah');
  await overlay.waitFor({ state: 'visible', timeout: 15000 });
  const shown = await overlay.innerText();
  check(shown.includes(`${record}:${line}:1`), `the overlay names the file, line and column (${record}:${line}:1)`);
  check(shown.includes('E0102') && shown.includes('warna'), 'the overlay gives the code and the message');
  check((await page.locator('h1').innerText()) === title, 'the last good page stays under the overlay');
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });

  await save(good);
  await overlay.waitFor({ state: 'detached', timeout: 15000 });
  check((await page.locator('h1').innerText()) === title, 'fixing the file clears the overlay');
} catch (e) {
  failures.push(String(e));
  console.error(e);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
if (failures.length) {
  console.error(`\n${failures.length} preview check(s) failed`);
  process.exit(1);
}
console.log('preview: all checks passed');
