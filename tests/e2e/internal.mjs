// Accessibility and behaviour of a built internal index in headless Chromium:
//   node tests/e2e/internal.mjs INTERNAL_DIR
// axe-core reports no WCAG 2.1 A/AA violation on the index, a record's page, the
// compliance page and the SOP page, at phone (390 px) and desktop (1280 px) widths, and
// no page scrolls sideways as a whole (tables scroll inside their own region). On the
// index: one row per record, each linking to an existing record page; the filters (unit,
// status, huruf, finding) and the search narrow the rows and say how many are shown; they
// are kept in the address (reloaded, back button); a column header sorts; a row's link
// opens its record page with its sign-offs, SOP timing and SHA-256. Every finding on the
// compliance page that names a record links to that record's page. On a large register
// (more than 2,000 rows) axe skips the index itself (its rows are all alike) and the
// time to filter is printed.
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch } from './browser.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node tests/e2e/internal.mjs INTERNAL_DIR');
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const entries = await readdir(root, { withFileTypes: true });
const records = entries.filter((e) => e.isDirectory() && !['sop', 'kepatuhan'].includes(e.name)).map((e) => e.name);
if (!records.length) {
  console.error(`${root}: no record pages`);
  process.exit(1);
}
const widths = [
  { name: 'ponsel', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

const server = await serve(root);
const browser = await launch();
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const attempt = async (where, what, check) => {
  try {
    await check();
  } catch (e) {
    fail(where, `${what}: ${String(e.message).split('\n')[0]}`);
  }
};

for (const size of widths) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) outside.push(r.url());
  });

  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const rows = await page.locator('table.daftar tbody tr').count();
  const large = rows > 2000;
  const pages = ['kepatuhan/index.html', 'sop/index.html', `${records[0]}/index.html`];
  if (!large) pages.unshift('index.html');
  for (const path of pages) {
    const where = `${path} (${size.name})`;
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    for (const v of result.violations) {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      fail(where, `axe ${v.id} (${v.impact}): ${v.help} [${targets}]`);
    }
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (sideways > 1) fail(where, `the page scrolls sideways by ${sideways}px`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== 'id') fail(where, `lang is "${lang}", not "id"`);
  }

  // The index: one row per record, each linking to its page.
  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (sideways > 1) fail(`index.html (${size.name})`, `the page scrolls sideways by ${sideways}px`);
  const total = Number(await page.locator('table.daftar').getAttribute('data-jumlah'));
  if (rows !== total || rows !== records.length) fail(size.name, `${rows} rows, ${total} records said, ${records.length} record pages`);
  const links = await page.locator('table.daftar tbody tr th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const missing = [];
  for (const href of links.slice(0, 200)) {
    await stat(`${root}/${href}`).catch(() => missing.push(href));
  }
  if (missing.length) fail(size.name, `rows link to missing pages: ${missing.slice(0, 3).join(', ')}`);
  if (!(await page.locator('#saring').isVisible())) fail(size.name, 'the filter form is not shown with JavaScript');

  const visible = 'table.daftar tbody tr:not([hidden])';
  // The text of one column (by its header's data-kunci) in every shown row.
  const column = async (key) => page.locator(visible).evaluateAll((rs, k) => {
    const i = [...document.querySelectorAll('table.daftar thead th')].findIndex((th) => th.dataset.kunci === k);
    return rs.map((r) => r.cells[i].textContent.trim());
  }, key);
  const line = async () => (await page.locator('#saring-hasil').textContent()).trim();
  const params = async () => new URLSearchParams(await page.evaluate(() => window.location.search));
  await attempt(size.name, 'the filters', async () => {
    const unit = (await page.locator('#saring-unit option').evaluateAll((o) => o.slice(1).map((x) => x.value)))[0];
    let started = Date.now();
    await page.selectOption('#saring-unit', unit);
    const byUnit = await page.locator(visible).count();
    const took = Date.now() - started;
    const units = await column('unit');
    if (byUnit < 1 || byUnit >= rows || !units.every((u) => u === unit)) fail(size.name, `unit "${unit}" shows ${byUnit} of ${rows} rows`);
    if ((await line()) !== `Menampilkan ${byUnit} dari ${rows} catatan.`) fail(size.name, `the result line says "${await line()}"`);
    if ((await params()).get('unit') !== unit) fail(size.name, `the address keeps "${(await params()).toString()}"`);
    started = Date.now();
    await page.selectOption('#saring-temuan', 'ya');
    const both = await column('temuan');
    if (!both.every((t) => Number(t) > 0) || both.length > byUnit) fail(size.name, `finding "ya" keeps rows ${JSON.stringify(both.slice(0, 5))}`);
    if (large) console.log(`${size.name}: ${rows} rows; a unit filter took ${took} ms, a finding filter ${Date.now() - started} ms`);
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('saring-temuan').value === '');
    if ((await page.locator(visible).count()) !== byUnit) fail(size.name, 'back does not restore the unit filter alone');
    await page.reload({ waitUntil: 'load' });
    if ((await page.inputValue('#saring-unit')) !== unit || (await page.locator(visible).count()) !== byUnit) fail(size.name, 'a reload does not keep the filter');
    await page.locator('button[type=reset]').click();
    await page.waitForFunction((n) => document.querySelectorAll('table.daftar tbody tr:not([hidden])').length === n, rows);
    const status = (await column('status'))[0];
    await page.selectOption('#saring-status', status);
    const statuses = await column('status');
    if (!statuses.length || !statuses.every((s) => s === status)) fail(size.name, `status "${status}" keeps other rows`);
    const huruf = (await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean)))[0];
    await page.selectOption('#saring-status', '');
    await page.selectOption('#saring-huruf', huruf);
    const hurufs = await page.locator(visible).evaluateAll((rs) => rs.map((r) => r.dataset.huruf));
    if (!hurufs.length || !hurufs.every((h) => h.split(' ').includes(huruf))) fail(size.name, `huruf "${huruf}" keeps other rows`);
    await page.selectOption('#saring-huruf', '');
    const nomor = (await page.locator('table.daftar tbody tr td:nth-child(2)').nth(Math.floor(rows / 2)).textContent()).trim();
    await page.fill('#saring-cari', nomor.toLowerCase());
    const found = await page.locator(`${visible} td:nth-child(2)`).allTextContents();
    if (!found.includes(nomor) || found.length > 3) fail(size.name, `a search for ${nomor} shows ${found.length} rows`);
    await page.fill('#saring-cari', '');
  });

  await attempt(size.name, 'sorting', async () => {
    await page.locator('th[data-kunci="sop"] button').click();
    await page.locator('th[data-kunci="sop"] button').click();
    const sop = (await column('sop')).slice(0, 50).map(parseFloat);
    if (sop.some((v, i) => i > 0 && v > sop[i - 1])) fail(size.name, `sorted by SOP minutes descending: ${sop.slice(0, 8)}`);
    if ((await params()).get('urut') !== 'sop-turun') fail(size.name, `the order is not in the address: ${(await params()).toString()}`);
  });

  await attempt(size.name, 'a record page from its row', async () => {
    const row = page.locator(visible).first();
    const nomor = (await row.locator('td').nth(1).textContent()).trim();
    await row.locator('th a').click();
    await page.waitForURL((u) => u.pathname !== '/index.html');
    const h1 = (await page.locator('h1').textContent()).trim();
    if (!h1.startsWith(`${nomor}:`)) fail(size.name, `the row of ${nomor} opens "${h1}"`);
    const text = await page.locator('main').textContent();
    for (const want of ['SHA-256 berkas sumber', 'Pengesahan', 'Petugas PPID', 'PPID Utama', 'Atasan PPID', 'Waktu langkah SOP', 'Temuan', 'Riwayat catatan dalam versi yang diterbitkan']) {
      if (!text.includes(want)) fail(size.name, `the page of ${nomor} lacks "${want}"`);
    }
    const nips = await page.locator('main table code').count();
    if (nips < 3) fail(size.name, `the page of ${nomor} shows ${nips} NIPs`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (sideways > 1) fail(size.name, `the page of ${nomor} scrolls sideways by ${sideways}px`);
  });

  await attempt(size.name, 'findings', async () => {
    await page.goto(server.url + 'kepatuhan/index.html', { waitUntil: 'load' });
    const items = await page.locator('ul.temuan li').evaluateAll((lis) => lis.map((li) => ({
      file: li.textContent, href: li.querySelector('a')?.getAttribute('href') ?? null,
    })));
    const unlinked = items.filter((i) => i.file.includes(' content/') && !i.href);
    if (unlinked.length) fail(size.name, `findings about records without a link: ${unlinked.slice(0, 2).map((i) => i.file).join(' | ')}`);
    for (const i of items.filter((x) => x.href).slice(0, 50)) {
      await stat(new URL(i.href, `file://${root}/kepatuhan/`).pathname).catch(() => fail(size.name, `a finding links to a missing page: ${i.href}`));
    }
  });
  if (outside.length) fail(size.name, `requests outside the site: ${outside.join(', ')}`);
  await context.close();
}

await browser.close();
server.close();
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${root}: the internal index, a record page, the compliance and SOP pages pass axe at 390 and 1280 px; filters, search, sorting and the links work (${records.length} records)`);
