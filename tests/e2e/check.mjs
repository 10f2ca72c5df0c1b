// Accessibility and behaviour of a built public site in headless Chromium:
//   node tests/e2e/check.mjs PUBLIC_DIR
// axe-core reports no WCAG 2.1 A/AA violation on the register, a record page, the list
// of ended exemptions, the request page, the 404 page and the decisions (if any), at phone (390 px) and
// desktop (1280 px) widths; no page scrolls sideways as a whole; the register's
// filters, search and sorting work at both widths and are kept in the address (shared,
// reloaded, back button); the result line counts each table with its own noun; several
// Pasal 17 references in a cell read one by one; the menu ends the header; every page
// loads nothing from outside the site. On a register split into pages (halaman-2.html…)
// the second page is checked too, and the filters search the whole register from its
// search index (cari.json): results counted, filtered and sorted as the index says, kept
// in the address, and cleared back to the page's own rows.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, launch } from './browser.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node tests/e2e/check.mjs PUBLIC_DIR');
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const entries = await readdir(root, { withFileTypes: true });
const record = entries.find(
  (e) => e.isDirectory() && !['berakhir', 'tentang', 'riwayat', 'keputusan'].includes(e.name),
);
const pages = ['index.html', `${record.name}/index.html`, 'berakhir/index.html', 'tentang/index.html', 'tidak-ada/'];
// The decisions and one decision with its Lampiran, where the site has any.
const decisions = entries.some((e) => e.isDirectory() && e.name === 'keputusan')
  ? (await readdir(`${root}/keputusan`, { withFileTypes: true })).filter((e) => e.isDirectory())
  : [];
if (decisions.length) pages.push('keputusan/index.html', `keputusan/${decisions[0].name}/index.html`);
// The change history with each version's sidik, where versions were published.
if (entries.some((e) => e.isDirectory() && e.name === 'riwayat')) pages.push('riwayat/index.html');
// A register of more than one page.
const paged = entries.some((e) => e.isFile() && e.name === 'halaman-2.html');
if (paged) pages.push('halaman-2.html');
const widths = [
  { name: 'ponsel', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** The whole register's entries as the script reads them from the search index. */
async function searchIndex() {
  const data = JSON.parse(await readFile(`${root}/cari.json`, 'utf8'));
  const col = Object.fromEntries(data.kolom.map((n, i) => [n, i]));
  return data.baris.map((e) => ({
    no: e[col.no],
    nomor: e[col.nomor],
    judul: e[col.judul],
    status: e[col.status],
    huruf: e[col.huruf].split(' '),
    cari: [e[col.nomor], e[col.judul], data.teks[e[col.unit]], ...e[col.dasar_hukum].map((i) => data.teks[i])]
      .join(' ').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  }));
}

/** The filters of a paged register, on its first page. */
async function checkPaged(page, size) {
  const where = `${size.name}, paged`;
  const index = await searchIndex();
  const id = (n) => n.toLocaleString('id-ID');
  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const own = await page.locator('#berlaku tbody tr, #berakhir tbody tr').count();
  const current = await page.locator('nav.halaman-nav a[aria-current="page"]').first().textContent();
  if (current.trim() !== '1') fail(where, `the navigation marks page "${current}" as current`);
  if (!(await page.locator('#hasil').isHidden())) fail(where, 'results shown before any filter');
  // A word of the last entry's title: on another page, found from the index.
  const last = index[index.length - 1];
  const word = last.judul.split(/\s+/).find((w) => w.length > 6).toLowerCase();
  const expected = index.filter((e) => e.cari.includes(word));
  await page.fill('#saring-cari', word);
  await page.locator('#hasil:not([hidden])').waitFor();
  const line = async () => (await page.locator('#saring-hasil').textContent()).trim();
  const shown = Math.min(200, expected.length);
  const want = expected.length > 200
    ? `Menampilkan ${id(200)} pertama dari ${id(expected.length)} hasil dari seluruh ${id(index.length)} informasi dalam daftar.`
    : `Menampilkan ${id(expected.length)} hasil dari seluruh ${id(index.length)} informasi dalam daftar.`;
  if ((await line()) !== want) fail(where, `the result line says "${await line()}", not "${want}"`);
  const rows = page.locator('#hasil tbody tr');
  if ((await rows.count()) !== shown) fail(where, `${await rows.count()} result rows, not ${shown}`);
  if (!(await page.locator('#berlaku').isHidden()) || !(await page.locator('nav.halaman-nav').first().isHidden())) {
    fail(where, "the page's own rows or its navigation stay shown beside the results");
  }
  // The first results in the register's order: those in force, then the ended ones.
  const titles = await page.locator('#hasil tbody th a').allTextContents();
  const group = (e) => (e.status === 'berlaku' ? 0 : 1);
  const first = [...expected].sort((a, b) => group(a) - group(b) || a.no - b.no).slice(0, shown).map((e) => e.judul);
  if (JSON.stringify(titles) !== JSON.stringify(first)) fail(where, `the search for "${word}" shows other results than the index's first ${shown}`);
  if (expected.length <= 200 && !titles.includes(last.judul)) fail(where, `the search for "${word}" does not find "${last.judul}"`);
  // The last record of the index, wherever its page, by its number.
  await page.fill('#saring-cari', last.nomor);
  await page.locator('#hasil tbody th a', { hasText: last.judul }).waitFor().catch(() => fail(where, `searching ${last.nomor} does not find it`));
  // axe on the results.
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  for (const v of result.violations) fail(where, `axe on the results ${v.id}: ${v.help}`);
  if (new URLSearchParams(await page.evaluate(() => window.location.search)).get('cari') !== last.nomor) fail(where, 'the address does not keep the search');
  // A huruf and a status narrow the results as the index says.
  await page.fill('#saring-cari', '');
  const huruf = (await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean)))[0];
  await page.selectOption('#saring-huruf', huruf);
  await page.selectOption('#saring-status', 'berlaku');
  const narrowed = index.filter((e) => e.huruf.includes(huruf) && e.status === 'berlaku');
  const counted = (await line()).match(/dari ([\d.]+) hasil|Menampilkan ([\d.]+) hasil/);
  const number = counted && Number((counted[1] || counted[2]).replace(/\./g, ''));
  if (number !== narrowed.length) fail(where, `huruf ${huruf} and status berlaku: "${await line()}", the index has ${narrowed.length}`);
  const statuses = await page.locator('#hasil tbody td[data-label="Status"]').allTextContents();
  if (!statuses.every((s) => s === 'Masih dikecualikan')) fail(where, 'status berlaku shows other results');
  // Sorting sorts the whole register's results.
  await page.selectOption('#saring-urut', 'judul');
  const collator = new Intl.Collator('id');
  const sorted = await page.locator('#hasil tbody th a').allTextContents();
  if (!sorted.every((t, i) => i === 0 || collator.compare(sorted[i - 1].toLowerCase(), t.toLowerCase()) <= 0)) fail(where, 'results are not sorted by title');
  // More results on demand.
  if (narrowed.length > 200) {
    await page.click('#hasil-lagi');
    const more = await page.locator('#hasil tbody tr').count();
    if (more !== Math.min(400, narrowed.length)) fail(where, `"more" shows ${more} results`);
  }
  // Clearing returns to the page's own rows.
  await page.click('button[type=reset]');
  await page.locator('#hasil').waitFor({ state: 'hidden' });
  if ((await page.locator('#berlaku tbody tr:not([hidden]), #berakhir tbody tr:not([hidden])').count()) !== own) fail(where, "reset does not return to the page's own rows");
  if (await page.evaluate(() => window.location.search)) fail(where, 'reset leaves the address with filters');
}

const server = await serve(root);
const browser = await launch();
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
// A check that stops at its first error (a missing control, a page that did not come
// back) reports it and lets the others run.
const attempt = async (where, what, check) => {
  try {
    await check();
  } catch (e) {
    fail(where, `${what}: ${String(e.message).split('\n')[0]}`);
  }
};

for (const size of widths) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) outside.push(r.url());
  });
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
  if (outside.length) fail(size.name, `requests outside the site: ${outside.join(', ')}`);

  // Every page's frame: the menu ends the header (no band under it), the content starts
  // clear of it, and a header logo, if the site has one, loads with a text alternative.
  for (const path of ['index.html', `${record.name}/index.html`]) {
    const where = `${path} (${size.name})`;
    await page.goto(server.url + path, { waitUntil: 'load' });
    const frame = await page.evaluate(() => {
      const box = (s) => document.querySelector(s)?.getBoundingClientRect();
      const logo = document.querySelector('header.kepala img');
      return {
        header: box('header.kepala').bottom,
        nav: box('nav.navigasi').bottom,
        content: box('main > :first-child').top,
        logo: logo && { alt: logo.alt, loaded: logo.complete && logo.naturalWidth > 0, height: logo.getBoundingClientRect().height },
      };
    });
    if (Math.abs(frame.header - frame.nav) > 1) fail(where, `a band of ${frame.header - frame.nav}px under the menu`);
    if (frame.content - frame.header < 12) fail(where, `the content starts ${frame.content - frame.header}px under the header`);
    if (frame.logo && (!frame.logo.alt.trim() || !frame.logo.loaded || frame.logo.height > 64)) {
      fail(where, `the header logo: ${JSON.stringify(frame.logo)}`);
    }
  }

  // Progressive enhancement of the register (the table is complete without it).
  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const all = await page.locator('table.daftar tbody tr').count();
  if (!paged) {
    const visible = 'table.daftar tbody tr:not([hidden])';
    const inForce = await page.locator('#berlaku tbody tr').count();
    const ended = await page.locator('#berakhir tbody tr').count();
    if (!(await page.locator('#saring').isVisible())) fail(size.name, 'the filter form is not shown with JavaScript');
    // Each label of the form on one line.
    const labels = await page.locator('#saring label').evaluateAll((ls) =>
      ls.filter((l) => l.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(l).lineHeight)).map((l) => l.textContent));
    if (size.width >= 1280 && labels.length) fail(size.name, `form labels wrap: ${labels.join(', ')}`);
    const firstTitle = (await page.locator('table.daftar tbody tr th a').first().textContent()).trim();
    const word = firstTitle.split(/\s+/).find((w) => w.length > 6) || firstTitle;
    await page.fill('#saring-cari', word.toLowerCase());
    const matching = await page.locator(visible).count();
    if (matching < 1 || matching > all) fail(size.name, `search for "${word}" shows ${matching} of ${all} rows`);
    const texts = await page.locator(visible).allTextContents();
    const notes = await page.locator(visible).evaluateAll((rows) => rows.map((r) => r.dataset.cari));
    if (!notes.every((n) => n.includes(word.toLowerCase()))) fail(size.name, `search shows rows without "${word}": ${texts.length}`);
    // The count names what each table holds, against that table's own total.
    const shownIn = async (table) => page.locator(`${table} tbody tr:not([hidden])`).count();
    const countLine = async () => (await page.locator('#saring-hasil').textContent()).trim();
    const inForceNoun = 'informasi yang dikecualikan yang masih berlaku';
    const endedNoun = 'informasi yang pengecualiannya telah berakhir';
    let expected = `Menampilkan ${await shownIn('#berlaku')} dari ${inForce} ${inForceNoun}`
      + (ended ? ` dan ${await shownIn('#berakhir')} dari ${ended} ${endedNoun}` : '') + '.';
    if ((await countLine()) !== expected) fail(size.name, `the result line says "${await countLine()}", not "${expected}"`);
    await page.selectOption('#saring-status', 'berlaku');
    expected = `Menampilkan ${await shownIn('#berlaku')} dari ${inForce} ${inForceNoun}.`;
    if ((await countLine()) !== expected) fail(size.name, `with status berlaku the result line says "${await countLine()}", not "${expected}"`);
    const summary = await page.locator('.ringkasan strong').first().textContent();
    if (Number(summary) !== inForce) fail(size.name, `the summary says ${summary} in force, the table holds ${inForce}`);

    // The filters are kept in the address: shareable, restored on load, by the back button
    // and on returning from a record.
    const address = async () => page.evaluate(() => window.location.search);
    await attempt(size.name, 'the address', async () => {
      const params = new URLSearchParams(await address());
      if (params.get('cari') !== word.toLowerCase() || params.get('status') !== 'berlaku') fail(size.name, `the address keeps "${await address()}"`);
      const filtered = await page.locator(visible).count();
      const huruf = (await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean)))[0];
      await page.selectOption('#saring-huruf', huruf);
      if (new URLSearchParams(await address()).get('huruf') !== huruf) fail(size.name, `choosing huruf ${huruf} leaves the address "${await address()}"`);
      await page.goBack();
      await page.waitForFunction(() => document.getElementById('saring-huruf').value === '').catch(() => {});
      if ((await page.inputValue('#saring-huruf')) !== '' || (await page.locator(visible).count()) !== filtered) {
        fail(size.name, `back after choosing a huruf shows huruf "${await page.inputValue('#saring-huruf')}" and ${await page.locator(visible).count()} rows, not ${filtered}`);
      }
      const shared = server.url + 'index.html' + (await address());
      await page.locator(`${visible} th a`).first().click();
      await page.waitForURL((u) => u.pathname !== '/index.html');
      await page.goBack();
      await page.waitForLoadState('load');
      const restoredOn = async (p, how) => {
        const state = {
          cari: await p.inputValue('#saring-cari'),
          status: await p.inputValue('#saring-status'),
          rows: await p.locator(visible).count(),
          line: (await p.locator('#saring-hasil').textContent()).trim(),
        };
        if (state.cari !== word.toLowerCase() || state.status !== 'berlaku' || state.rows !== filtered || !state.line.startsWith('Menampilkan')) {
          fail(size.name, `${how}: ${JSON.stringify(state)}`);
        }
      };
      await restoredOn(page, 'back from a record');
      const other = await context.newPage();
      await other.goto(shared, { waitUntil: 'load' });
      await restoredOn(other, `the shared address ${shared}`);
      await other.close();
    });

    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
    const options = await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
    for (const h of options) {
      await page.selectOption('#saring-huruf', h);
      const rows = await page.locator(visible).evaluateAll((r) => r.map((x) => x.dataset.huruf));
      if (rows.length === 0 || !rows.every((x) => x.split(' ').includes(h))) fail(size.name, `filter huruf ${h} shows ${rows.length} rows, not all citing it`);
    }
    await page.selectOption('#saring-huruf', '');
    await page.selectOption('#saring-status', 'berakhir');
    if (await page.locator('#berlaku').isVisible()) fail(size.name, 'status "berakhir" still shows the in-force register');
    await page.selectOption('#saring-status', '');
    await page.click('button[type=reset]');
    await page.waitForTimeout(50);
    if ((await page.locator(visible).count()) !== all) fail(size.name, 'reset does not show every row again');

    // Sorting works at every width: the "Urutkan" choice (the phone's only way, as its
    // cards have no header row), kept in the address; on a desktop the column headers too.
    await attempt(size.name, 'sorting', async () => {
      const collator = new Intl.Collator('id');
      const titlesInOrder = async (descending) => {
        const titles = await page.locator('#berlaku tbody tr th').allTextContents();
        return titles.every((t, i) => i === 0 || collator.compare(titles[i - 1].toLowerCase(), t.toLowerCase()) * (descending ? -1 : 1) <= 0);
      };
      if (!(await page.locator('#saring-urut').isVisible())) fail(size.name, 'no "Urutkan" choice');
      await page.selectOption('#saring-urut', 'judul-turun');
      if (!(await titlesInOrder(true))) fail(size.name, '"Urutkan: Judul (Z–A)" does not order the rows');
      if (new URLSearchParams(await address()).get('urut') !== 'judul-turun') fail(size.name, `the address does not keep the order: "${await address()}"`);
      await page.selectOption('#saring-urut', 'penetapan-turun');
      const dates = await page.locator('#berlaku tbody tr td[data-label="Ditetapkan"]').evaluateAll((c) => c.map((x) => x.dataset.urut));
      if (!dates.every((d, i) => i === 0 || dates[i - 1] >= d)) fail(size.name, '"Urutkan: Penetapan terbaru" does not order the rows');
      await page.reload({ waitUntil: 'load' });
      if ((await page.inputValue('#saring-urut')) !== 'penetapan-turun') fail(size.name, 'a reload loses the order');
      await page.selectOption('#saring-urut', '');
      const numbers = await page.locator('#berlaku tbody tr td.no').allTextContents();
      if (!numbers.every((n, i) => Number(n) === i + 1)) fail(size.name, 'the default order is not restored');
      if (size.width >= 768) {
        const header = page.locator('#berlaku thead th[data-urut] button').nth(1);
        await header.click();
        const sorted = await page.locator('#berlaku thead th[aria-sort]').getAttribute('aria-sort');
        if (sorted !== 'ascending') fail(size.name, `sorting sets aria-sort="${sorted}"`);
        if (!(await titlesInOrder(false))) fail(size.name, 'sorting by title does not order the rows');
        if ((await page.inputValue('#saring-urut')) !== 'judul') fail(size.name, 'a header sort does not show in "Urutkan"');
      }
    });
  } else {
    await checkPaged(page, size);
  }

  // Several Pasal 17 references in a cell: one whole reference per item, never a
  // separator on a line of its own; on a desktop at most two lines per reference.
  const references = await page.locator('table.daftar .daftar-pasal').evaluateAll((lists) => lists.map((ul) => ({
    items: [...ul.children].map((li) => ({
      text: li.textContent.replace(/\s+/g, ' ').trim(),
      lines: Math.round(li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight)),
    })),
    stray: [...ul.childNodes, ...ul.parentElement.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent),
  })));
  for (const { items, stray } of references) {
    if (stray.length) fail(size.name, `text between Pasal 17 references: ${JSON.stringify(stray)}`);
    for (const { text, lines } of items) {
      if (!/^Pasal 17 huruf [a-j]( angka \d+)? UU 14\/2008$/.test(text)) fail(size.name, `a Pasal 17 item reads "${text}"`);
      if (size.width >= 1280 && lines > 2) fail(size.name, `"${text}" takes ${lines} lines`);
    }
  }
  if (!references.some((r) => r.items.length > 1)) fail(size.name, 'no cell with several Pasal 17 references to check');

  // The register still works and is complete without JavaScript.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: size.width, height: size.height } });
  const noScript = await plain.newPage();
  await noScript.goto(server.url + 'index.html');
  if (await noScript.locator('#saring').isVisible()) fail(size.name, 'the filter form shows without JavaScript');
  if ((await noScript.locator('table.daftar tbody tr').count()) !== all) fail(size.name, 'rows differ without JavaScript');
  await plain.close();
  await context.close();
}

await browser.close();
server.close();
if (failures.length) {
  console.error(`${failures.length} masalah:\n` + failures.map((f) => `- ${f}`).join('\n'));
  process.exit(1);
}
console.log(`Semua pemeriksaan peramban lolos: ${pages.length} halaman × ${widths.length} lebar layar, axe-core WCAG 2.1 A/AA.`);
