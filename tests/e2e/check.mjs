// Accessibility and behaviour of a built public site in headless Chromium:
//   node tests/e2e/check.mjs PUBLIC_DIR
// axe-core reports no WCAG 2.1 A/AA violation on the register, a record page, the list
// of ended exemptions, the request page, the 404 page and the decisions (if any), at phone (390 px) and
// desktop (1280 px) widths; no page scrolls sideways as a whole; the register's
// filters, search and sorting work; every page loads nothing from outside the site.
import { readdir } from 'node:fs/promises';
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
const widths = [
  { name: 'ponsel', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

const server = await serve(root);
const browser = await launch();
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

for (const size of widths) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
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

  // Progressive enhancement of the register (the table is complete without it).
  await page.goto(server.url + 'index.html', { waitUntil: 'load' });
  const all = await page.locator('table.daftar tbody tr').count();
  if (!(await page.locator('#saring').isVisible())) fail(size.name, 'the filter form is not shown with JavaScript');
  const firstTitle = (await page.locator('table.daftar tbody tr th a').first().textContent()).trim();
  const word = firstTitle.split(/\s+/).find((w) => w.length > 6) || firstTitle;
  await page.fill('#saring-cari', word.toLowerCase());
  const matching = await page.locator('table.daftar tbody tr:not([hidden])').count();
  if (matching < 1 || matching > all) fail(size.name, `search for "${word}" shows ${matching} of ${all} rows`);
  const texts = await page.locator('table.daftar tbody tr:not([hidden])').allTextContents();
  const notes = await page.locator('table.daftar tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.dataset.cari));
  if (!notes.every((n) => n.includes(word.toLowerCase()))) fail(size.name, `search shows rows without "${word}": ${texts.length}`);
  const status = await page.locator('#saring-hasil').textContent();
  if (!status.includes(`dari ${all}`)) fail(size.name, `the result line says "${status}"`);
  await page.click('button[type=reset]');
  await page.waitForTimeout(50);
  if ((await page.locator('table.daftar tbody tr:not([hidden])').count()) !== all) fail(size.name, 'reset does not show every row again');
  const options = await page.locator('#saring-huruf option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  for (const huruf of options) {
    await page.selectOption('#saring-huruf', huruf);
    const rows = await page.locator('table.daftar tbody tr:not([hidden])').evaluateAll((r) => r.map((x) => x.dataset.huruf));
    if (rows.length === 0 || !rows.every((h) => h.split(' ').includes(huruf))) fail(size.name, `filter huruf ${huruf} shows ${rows.length} rows, not all citing it`);
  }
  await page.selectOption('#saring-huruf', '');
  await page.selectOption('#saring-status', 'berakhir');
  if (await page.locator('#berlaku').isVisible()) fail(size.name, 'status "berakhir" still shows the in-force register');
  await page.selectOption('#saring-status', '');
  // Sorting by the column headers (on phones the rows are cards without headers).
  if (size.width >= 768) {
    const header = page.locator('#berlaku thead th[data-urut] button').nth(1);
    await header.click();
    const sorted = await page.locator('#berlaku thead th[aria-sort]').getAttribute('aria-sort');
    if (sorted !== 'ascending') fail(size.name, `sorting sets aria-sort="${sorted}"`);
    const titles = await page.locator('#berlaku tbody tr th').allTextContents();
    const collator = new Intl.Collator('id');
    const inOrder = titles.every((t, i) => i === 0 || collator.compare(titles[i - 1].toLowerCase(), t.toLowerCase()) <= 0);
    if (!inOrder) fail(size.name, 'sorting by title does not order the rows');
  }
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
