// A register split into pages, as a citizen uses it:
//   node tests/e2e/halaman.mjs PUBLIC_DIR     (a register of more than one page)
// Without JavaScript the numbered navigation leads from the first page to the second by
// its link, which then is the current page and holds the next rows; with JavaScript a
// search typed on the second page finds a record listed on another page (from the search
// index, cari.json, loaded on demand), and its result opens the record's page.
import { readFile } from 'node:fs/promises';
import { serve, launch } from './browser.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node tests/e2e/halaman.mjs PUBLIC_DIR');
  process.exit(2);
}
const failures = [];
const fail = (what) => failures.push(what);
const server = await serve(root);
const browser = await launch();

// Without JavaScript: follow the navigation's link to page 2.
const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
plain.setDefaultTimeout(10000);
const page = await plain.newPage();
await page.goto(server.url + 'index.html', { waitUntil: 'load' });
const nav = page.locator('nav.halaman-nav[aria-label="Halaman"]');
if ((await nav.locator('a[aria-current="page"]').textContent()).trim() !== '1') fail('page 1 is not the current page of its navigation');
const firstRows = await page.locator('table.daftar tbody tr').count();
await nav.locator('a', { hasText: /^2$/ }).click();
await page.waitForURL(/halaman-2\.html$/);
if ((await nav.locator('a[aria-current="page"]').textContent()).trim() !== '2') fail('page 2 is not the current page after following its link');
const range = (await page.locator('#rentang').textContent()).trim();
const start = firstRows + 1;
if (!range.startsWith(`Baris ${start.toLocaleString('id-ID')}–`)) fail(`page 2 says "${range}", not rows from ${start}`);
const secondRows = await page.locator('table.daftar tbody tr').count();
if (secondRows < 1 || secondRows > firstRows) fail(`page 2 has ${secondRows} rows (page 1: ${firstRows})`);
if (await page.locator('#saring').isVisible()) fail('the filter form shows without JavaScript');
const own = new Set(await page.locator('table.daftar tbody th a').allTextContents());
await plain.close();

// With JavaScript, on page 2: search for a record on another page and open it.
const data = JSON.parse(await readFile(`${root}/cari.json`, 'utf8'));
const col = Object.fromEntries(data.kolom.map((n, i) => [n, i]));
const entry = [...data.baris].reverse().find((e) => !own.has(e[col.judul]));
const [nomor, judul, slug] = [entry[col.nomor], entry[col.judul], entry[col.slug]];
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
context.setDefaultTimeout(10000);
const js = await context.newPage();
const fetched = [];
js.on('request', (r) => fetched.push(new URL(r.url()).pathname));
await js.goto(server.url + 'halaman-2.html', { waitUntil: 'load' });
if (fetched.includes('/cari.json')) fail('the search index is loaded before any search');
await js.fill('#saring-cari', nomor);
const hit = js.locator('#hasil tbody th a', { hasText: judul });
await hit.waitFor().catch(() => fail(`searching "${nomor}" on page 2 does not find "${judul}"`));
if (!fetched.includes('/cari.json')) fail('the search did not load cari.json');
if (fetched.includes('/dik.json')) fail('the search loaded dik.json');
const line = (await js.locator('#saring-hasil').textContent()).trim();
if (!/^Menampilkan 1 hasil dari seluruh [\d.]+ informasi dalam daftar\.$/.test(line)) fail(`the result line says "${line}"`);
if (new URLSearchParams(await js.evaluate(() => window.location.search)).get('cari') !== nomor) fail('the address does not keep the search');
await hit.click();
await js.waitForURL((u) => u.pathname === `/${slug}/index.html`).catch(() => fail(`the result does not open ${slug}/index.html`));
const heading = (await js.locator('h1').textContent()).trim();
if (heading !== judul) fail(`the record page's heading is "${heading}", not "${judul}"`);
// Back on page 2, the search is still there.
await js.goBack();
await js.waitForLoadState('load');
if ((await js.inputValue('#saring-cari')) !== nomor) fail('back from the record loses the search');
await hit.waitFor().catch(() => fail('back from the record does not show the result again'));
await context.close();

await browser.close();
server.close();
if (failures.length) {
  console.error(`${failures.length} masalah:\n` + failures.map((f) => `- ${f}`).join('\n'));
  process.exit(1);
}
console.log('Daftar berhalaman lolos: navigasi tanpa JavaScript ke halaman 2, pencarian seluruh daftar dari cari.json, hasil membuka halaman informasi.');
