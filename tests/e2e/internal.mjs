// Accessibility and behaviour of a built internal index in headless Chromium:
//   node tests/e2e/internal.mjs INTERNAL_DIR
// axe-core reports no WCAG 2.1 A/AA violation on the index, a record's page, the
// compliance page and the SOP page, at phone (390 px) and desktop (1280 px) widths, and
// no page scrolls sideways as a whole (tables scroll inside their own region). On the
// index: one row per record, each linking to an existing record page; the filters (unit,
// status, huruf, finding) and the search narrow the rows and say how many are shown; they
// are kept in the address (reloaded, back button); a column header sorts; a row's link
// opens its record page with its sign-offs, SOP timing and SHA-256. Every finding on the
// compliance page that names a record links to that record's page. An index in pages
// (more than `baris_per_halaman` rows): axe on its first page, a later page and its
// results; every record on one page; the filters, the search and the order cover every
// record from cari.js (a result on a later page is found and opened), also with the index
// opened from the disk (file://). On an index of one page with more than 2,000 rows
// (which the page size of at most 1,000 rows no longer makes) axe would skip the index
// itself; the time to filter is printed on a large register.
import { readdir, readFile, stat } from 'node:fs/promises';
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
// The pages of an index in pages: index.html, halaman-2.html…
const pageFiles = ['index.html', ...entries.map((e) => e.name).filter((n) => /^halaman-\d+\.html$/.test(n))
  .sort((a, b) => parseInt(a.slice(8), 10) - parseInt(b.slice(8), 10))];
const paged = pageFiles.length > 1;
// cari.js of an index in pages, as the entries the results are made from.
const search = paged ? JSON.parse((await readFile(`${root}/cari.js`, 'utf8')).trim().replace(/^window\.daftarInternal=/, '').replace(/;$/, '')) : null;
const col = search ? Object.fromEntries(search.kolom.map((n, i) => [n, i])) : {};
// The rows of an index page's own table (not the results from every page).
const own = 'table.daftar:not(.daftar-hasil) tbody tr';
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

// An index in pages, with JavaScript: the filters, the search and the order cover every
// record, from cari.js loaded on the first filter; a record of a later page is found and
// opened from its result.
async function pagedIndex(page, where, rows) {
  const entries = search.baris;
  const unitOf = (e) => search.teks[e[col.unit]];
  const results = '#hasil tbody tr';
  const count = (n) => n.toLocaleString('id-ID');
  const said = (n) => {
    if (n === 0) return 'Tidak ada catatan yang cocok dengan saringan ini.';
    const all = ` dari seluruh ${count(entries.length)} catatan.`;
    return n <= 200 ? `Menampilkan ${count(n)} hasil${all}` : `Menampilkan 200 pertama dari ${count(n)} hasil${all}`;
  };
  const line = async () => (await page.locator('#saring-hasil').textContent()).trim();
  const params = async () => new URLSearchParams(await page.evaluate(() => window.location.search));
  // Waits until the result line says `n` hits of every record.
  const shows = async (n, what) => page.waitForFunction((t) => document.getElementById('saring-hasil').textContent.trim() === t, said(n))
    .catch(async () => fail(where, `${what}: the result line says "${await line()}", not "${said(n)}"`));
  // The text of one column (by its header's data-kunci) in every result row.
  const cells = async (key) => page.locator(results).evaluateAll((rs, k) => {
    const i = [...document.querySelectorAll('#hasil thead th')].findIndex((th) => th.dataset.kunci === k);
    return rs.map((r) => r.cells[i].textContent.trim());
  }, key);
  const plain = (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

  if (where === widths[0].name) {
    await attempt(where, 'the pages', async () => {
      // Every record on exactly one page; each page marks itself current.
      const seen = new Set();
      let all = 0;
      for (const file of pageFiles) {
        await page.goto(server.url + file, { waitUntil: 'load' });
        const hrefs = await page.locator(`${own} th a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        all += hrefs.length;
        hrefs.forEach((h) => seen.add(h));
        for (const nav of ['Halaman', 'Halaman, di bawah daftar']) {
          const current = await page.locator(`nav.halaman-nav[aria-label="${nav}"] a[aria-current="page"]`).getAttribute('href');
          if (current !== file) fail(where, `${file}: its navigation "${nav}" marks ${current} as current`);
        }
      }
      if (all !== entries.length || seen.size !== entries.length) fail(where, `the pages list ${all} rows of ${seen.size} records; cari.js has ${entries.length}`);
    });
  }

  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  await attempt(where, 'the filters over every record', async () => {
    if (fetched.includes('/cari.js')) fail(where, 'cari.js is loaded before any filter');
    const unit = (await page.locator('#saring-unit option').evaluateAll((o) => o.slice(1).map((x) => x.value)))[0];
    const started = Date.now();
    await page.selectOption('#saring-unit', unit);
    const byUnit = entries.filter((e) => unitOf(e) === unit).length;
    await shows(byUnit, `unit "${unit}"`);
    console.log(`${where}: ${entries.length} records in ${pageFiles.length} pages; a unit filter over every record (cari.js loaded) took ${Date.now() - started} ms`);
    if (!fetched.includes('/cari.js')) fail(where, 'the filter did not load cari.js');
    const units = await cells('unit');
    if (units.length !== Math.min(byUnit, 200) || !units.every((u) => u === unit)) fail(where, `unit "${unit}" shows ${units.length} results, of them other units`);
    if (await page.locator(own).first().isVisible()) fail(where, "the page's own rows show beside the results");
    if (await page.locator('nav.halaman-nav').first().isVisible()) fail(where, 'the page navigation shows beside the results');
    if ((await params()).get('unit') !== unit) fail(where, `the address keeps "${(await params()).toString()}"`);
    await page.selectOption('#saring-temuan', 'ya');
    const both = entries.filter((e) => unitOf(e) === unit && e[col.temuan] > 0).length;
    await shows(both, 'unit and finding');
    if (!(await cells('temuan')).every((t) => Number(t) > 0)) fail(where, 'finding "ya" keeps results without a finding');
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('saring-temuan').value === '');
    await shows(byUnit, 'back to the unit alone');
    await page.reload({ waitUntil: 'load' });
    if ((await page.inputValue('#saring-unit')) !== unit) fail(where, 'a reload does not keep the filter');
    await shows(byUnit, 'reloaded');
    await page.locator('button[type=reset]').click();
    await page.locator(own).first().waitFor();
    if ((await page.locator(`${own}:not([hidden])`).count()) !== rows) fail(where, 'clearing the filters does not show the page again');
    const status = entries[entries.length - 1][col.status];
    await page.selectOption('#saring-status', status);
    await shows(entries.filter((e) => e[col.status] === status).length, `status "${status}"`);
    if (!(await cells('status')).every((s) => s === status)) fail(where, `status "${status}" keeps other results`);
    await page.selectOption('#saring-status', '');
    const huruf = (await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean)))[0];
    await page.selectOption('#saring-huruf', huruf);
    await shows(entries.filter((e) => e[col.huruf].split(' ').includes(huruf)).length, `huruf "${huruf}"`);
    const hurufs = await page.locator(results).evaluateAll((rs) => rs.map((r) => r.dataset.huruf));
    if (!hurufs.every((h) => h.split(' ').includes(huruf))) fail(where, `huruf "${huruf}" keeps other results`);
    await page.selectOption('#saring-huruf', '');
    await page.locator(own).first().waitFor();
  });

  await attempt(where, 'a record of a later page, found and opened', async () => {
    const first = new Set(await page.locator(`${own} th a`).evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    const entry = [...entries].reverse().find((e) => !first.has(`${e[col.slug]}/index.html`));
    const [nomor, slug] = [entry[col.nomor], entry[col.slug]];
    await page.fill('#saring-cari', nomor.toLowerCase());
    await shows(1, `a search for ${nomor}`);
    const hit = page.locator('#hasil tbody th a');
    if ((await hit.getAttribute('href')) !== `${slug}/index.html`) fail(where, `the result of ${nomor} links to ${await hit.getAttribute('href')}`);
    if ((await params()).get('cari') !== nomor.toLowerCase()) fail(where, 'the address does not keep the search');
    await hit.click();
    await page.waitForURL((u) => u.pathname === `/${slug}/index.html`);
    const h1 = (await page.locator('h1').textContent()).trim();
    if (!h1.startsWith(`${nomor}:`)) fail(where, `the result of ${nomor} opens "${h1}"`);
    await page.goBack();
    await page.waitForLoadState('load');
    await shows(1, 'back from the record');
  });

  await attempt(where, 'the order of every record', async () => {
    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
    // The page's own header orders every record, then the results' header reverses it.
    await page.locator('table.daftar:not(.daftar-hasil) th[data-kunci="sop"] button').click();
    await shows(entries.length, 'sorted by SOP minutes');
    const least = entries.reduce((m, e) => Math.min(m, e[col.menit]), Infinity);
    const up = (await cells('sop')).map(parseFloat);
    if (up[0] !== least || up.some((v, i) => i > 0 && v < up[i - 1])) fail(where, `sorted by SOP minutes: ${up.slice(0, 8)} (least: ${least})`);
    await page.locator('#hasil th[data-kunci="sop"] button').click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('urut') === 'sop-turun');
    const sop = (await cells('sop')).map(parseFloat);
    const most = entries.reduce((m, e) => Math.max(m, e[col.menit]), 0);
    if (sop[0] !== most || sop.some((v, i) => i > 0 && v > sop[i - 1])) fail(where, `sorted by SOP minutes descending: ${sop.slice(0, 8)} (most: ${most})`);
    await page.locator('#hasil th[data-kunci="judul"] button').click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('urut') === 'judul');
    if ((await page.locator('#hasil th[data-kunci="judul"]').getAttribute('aria-sort')) !== 'ascending') fail(where, 'the results header does not say its order');
    const titles = (await cells('judul')).map(plain);
    if (titles.some((t, i) => i > 0 && t < titles[i - 1])) fail(where, `sorted by title: ${titles.slice(0, 3)}`);
    if (entries.length > 200) {
      await page.locator('#hasil-lagi').click();
      if ((await page.locator(results).count()) !== Math.min(400, entries.length)) fail(where, 'the next results are not shown');
    }
  });
}

for (const size of widths) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) outside.push(r.url());
  });

  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const rows = await page.locator(own).count();
  const large = rows > 2000;
  const pages = ['kepatuhan/index.html', 'sop/index.html', `${records[0]}/index.html`];
  if (!large) pages.unshift('index.html');
  if (paged) pages.push(pageFiles[pageFiles.length - 1], `index.html?status=${search.baris[0][col.status]}`);
  for (const path of pages) {
    const where = `${path} (${size.name})`;
    await page.goto(server.url + path, { waitUntil: 'load' });
    // An index's results (a filter in the address) are checked once they are shown.
    if (path.includes('?')) await page.locator('#hasil tbody tr').first().waitFor().catch(() => fail(where, 'a filter in the address shows no results'));
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
  const total = Number(await page.locator('table.daftar:not(.daftar-hasil)').getAttribute('data-jumlah'));
  if (!paged && (rows !== total || rows !== records.length)) fail(size.name, `${rows} rows, ${total} records said, ${records.length} record pages`);
  if (paged && (total !== records.length || search.baris.length !== records.length)) fail(size.name, `${total} records said, ${search.baris.length} in cari.js, ${records.length} record pages`);
  const links = await page.locator(`${own} th a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const missing = [];
  for (const href of links.slice(0, 200)) {
    await stat(`${root}/${href}`).catch(() => missing.push(href));
  }
  if (missing.length) fail(size.name, `rows link to missing pages: ${missing.slice(0, 3).join(', ')}`);
  if (!(await page.locator('#saring').isVisible())) fail(size.name, 'the filter form is not shown with JavaScript');

  const visible = `${own}:not([hidden])`;
  // The text of one column (by its header's data-kunci) in every shown row.
  const column = async (key) => page.locator(visible).evaluateAll((rs, k) => {
    const i = [...document.querySelectorAll('table.daftar thead th')].findIndex((th) => th.dataset.kunci === k);
    return rs.map((r) => r.cells[i].textContent.trim());
  }, key);
  const line = async () => (await page.locator('#saring-hasil').textContent()).trim();
  const params = async () => new URLSearchParams(await page.evaluate(() => window.location.search));
  if (paged) await pagedIndex(page, size.name, rows);
  if (!paged) await attempt(size.name, 'the filters', async () => {
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
    await page.waitForFunction((n) => document.querySelectorAll('table.daftar:not(.daftar-hasil) tbody tr:not([hidden])').length === n, rows);
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
    const nomor = (await page.locator(`${own} td:nth-child(2)`).nth(Math.floor(rows / 2)).textContent()).trim();
    await page.fill('#saring-cari', nomor.toLowerCase());
    const found = await page.locator(`${visible} td:nth-child(2)`).allTextContents();
    if (!found.includes(nomor) || found.length > 3) fail(size.name, `a search for ${nomor} shows ${found.length} rows`);
    await page.fill('#saring-cari', '');
  });

  if (!paged) await attempt(size.name, 'sorting', async () => {
    await page.locator('th[data-kunci="sop"] button').click();
    await page.locator('th[data-kunci="sop"] button').click();
    const sop = (await column('sop')).slice(0, 50).map(parseFloat);
    if (sop.some((v, i) => i > 0 && v > sop[i - 1])) fail(size.name, `sorted by SOP minutes descending: ${sop.slice(0, 8)}`);
    if ((await params()).get('urut') !== 'sop-turun') fail(size.name, `the order is not in the address: ${(await params()).toString()}`);
  });

  await attempt(size.name, 'a record page from its row', async () => {
    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
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

// Opened from the disk, as auditors do: cari.js loads as a script where fetch() may not.
if (paged) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  await attempt('file://', 'a search over every record', async () => {
    const entry = search.baris[search.baris.length - 1];
    await page.goto(`file://${root}/index.html?cari=${encodeURIComponent(entry[col.nomor])}`, { waitUntil: 'load' });
    const hit = page.locator('#hasil tbody th a');
    await hit.waitFor();
    if ((await hit.count()) !== 1 || (await hit.getAttribute('href')) !== `${entry[col.slug]}/index.html`) fail('file://', `a search for ${entry[col.nomor]} shows ${await hit.count()} results`);
  });
  await context.close();
}

await browser.close();
server.close();
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${root}: the internal index${paged ? ` (${pageFiles.length} pages: the first, the last and the results)` : ''}, a record page, the compliance and SOP pages pass axe at 390 and 1280 px; filters, search, sorting and the links work${paged ? ' over every record, also from file://' : ''} (${records.length} records)`);
