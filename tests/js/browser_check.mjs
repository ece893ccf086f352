// Drives index.html in Debian's chromium (headless) and prints one JSON object with what it saw.
//
//   node browser_check.mjs PATH/index.html [QUERY [MORE_QUERY...]]
//
// Every request other than the page itself is aborted and recorded. The script waits for the
// drawing, counts the nodes drawn, types QUERY (default 新质生产力) into the search box, picks the
// result with Enter, reads the side panel (facts, neighbours, evidence), changes the ranking
// measure, clears the selection and clicks the node in the drawing, and checks that Tab reaches
// the panel. Console errors, page errors and dialogs are collected, and the document is inspected after
// loading, after selecting and at the end (dom_*: element names, on* attributes, script URLs, text with
// bidirectional controls, whether an injected payload ran). Each MORE_QUERY is then searched and picked
// in turn, and its panel read (out.more). If chromium cannot start, the
// script exits 1 with chromium's message on stderr. Set KG_SCREENSHOTS=DIR to save screenshots.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const file = process.argv[2];
const query = process.argv[3] || '新质生产力';
if (!file) {
  console.error('usage: node browser_check.mjs PATH/index.html [QUERY [MORE_QUERY...]]');
  process.exit(2);
}
const pageUrl = pathToFileURL(path.resolve(file)).href;
const shots = process.env.KG_SCREENSHOTS || '';

const out = {
  url: pageUrl, query, requests: [], blocked: [], websockets: [], console_errors: [], page_errors: [],
  dialogs: [], error: null,
};

let browser;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
} catch (err) {
  console.error(`chromium failed to launch: ${err && err.message ? err.message : err}`);
  process.exit(1);
}

const t0 = Date.now();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  await context.route((url) => url.href !== pageUrl, async (route) => {
    out.blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('request', (req) => out.requests.push(req.url()));
  page.on('websocket', (ws) => out.websockets.push(ws.url()));
  page.on('console', (msg) => { if (msg.type() === 'error') out.console_errors.push(msg.text()); });
  page.on('pageerror', (err) => out.page_errors.push(String(err && err.stack ? err.stack : err)));
  page.on('dialog', async (d) => { out.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });

  // what is in the document: element names, event-handler attributes, script URLs, bidirectional controls
  // in shown text (not in the data block), and whether an injected payload ran (window.__pwned, the title)
  const inspectDom = () => page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const tags = {};
    for (const el of all) tags[el.localName] = (tags[el.localName] || 0) + 1;
    const attrs = all.flatMap((el) => [...el.attributes].map((a) => ({ el: el.localName, name: a.name, value: a.value })));
    const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const texts = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!['SCRIPT', 'STYLE'].includes(n.parentNode.nodeName.toUpperCase())) texts.push(n.data);
    }
    return {
      title: document.title,
      pwned: window.__pwned === true,
      tags,
      on_attributes: attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${a.el}[${a.name}]`),
      script_urls: attrs.filter((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)).map((a) => `${a.el}[${a.name}]=${a.value}`),
      bidi_in_text: texts.filter((t) => bidi.test(t)),
      bidi_in_attributes: attrs.filter((a) => !a.name.startsWith('data-') && bidi.test(a.value)).map((a) => `${a.el}[${a.name}]`),
      texts,
    };
  });

  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForSelector('#net[data-ready="1"]');
  out.load_ms = Date.now() - t0;
  out.dom_loaded = await inspectDom();

  // what is drawn: node groups and edges actually rendered
  // (checkVisibility() does not look at an SVG group's display; the circle's layout box does)
  const rendered = (els) => els.filter((e) => e.getBoundingClientRect().width > 0).length;
  out.drawn = await page.$$eval('#nodes g.n circle', rendered);
  out.drawn_attr = Number(await page.getAttribute('#net', 'data-drawn'));
  out.node_elements = await page.$$eval('#nodes g.n', (els) => els.length);
  out.edges_drawn = await page.$$eval('#edges line', (els) => els.filter((e) => e.getBoundingClientRect().width + e.getBoundingClientRect().height > 0).length);
  out.labels_shown = await page.$$eval('#nodes g.n text', rendered);
  out.scripts = await page.$$eval('script', (els) => els.map((e) => e.type || 'text/javascript'));
  out.overview = {
    title: await page.textContent('#panel-title'),
    top: await page.$$eval('#top-list .nm', (els) => els.map((e) => e.textContent)),
  };
  out.footer = await page.textContent('#meta');
  out.cap_note = await page.$eval('#cap-note', (e) => (e.hidden ? '' : e.textContent));
  out.search_label = await page.$eval('#q', (e) => (e.labels && e.labels[0] ? e.labels[0].textContent : ''));
  if (shots) await page.screenshot({ path: path.join(shots, '1-overview.png') });

  // zoom (wheel, buttons) and pan (drag on the background), then back to the fitted view
  const transform = () => page.getAttribute('#viewport', 'transform');
  const scale = async () => Number(/scale\(([^)]+)\)/.exec(await transform())[1]);
  const svgBox = await page.locator('#net').boundingBox();
  const k0 = await scale();
  await page.mouse.move(svgBox.x + svgBox.width / 2, svgBox.y + svgBox.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((k) => !document.querySelector('#viewport').getAttribute('transform').endsWith(`scale(${k})`), k0.toFixed(5));
  const kWheel = await scale();
  await page.click('#zoom-out');
  const kButton = await scale();
  const beforeDrag = await transform();
  await page.mouse.move(svgBox.x + 20, svgBox.y + svgBox.height - 20);
  await page.mouse.down();
  await page.mouse.move(svgBox.x + 120, svgBox.y + svgBox.height - 60, { steps: 5 });
  await page.mouse.up();
  out.zoom = { fitted: k0, wheel: kWheel, button: kButton, panned: (await transform()) !== beforeDrag };
  await page.click('#zoom-fit');

  // the legend hides a type; the isolated toggle shows entities without edges
  const drawnNow = () => page.$$eval('#nodes g.n circle', rendered);
  const firstType = await page.$eval('#legend-types button', (b) => b.childNodes[1].textContent);
  await page.click('#legend-types button');
  const withoutType = await drawnNow();
  await page.click('#legend-types button');
  await page.click('#toggle-isolated');
  const withIsolated = await drawnNow();
  await page.click('#toggle-isolated');
  out.toggles = { first_type: firstType, without_first_type: withoutType, with_isolated: withIsolated, after: await drawnNow() };

  // search: type, read the list, pick with Enter
  await page.click('#q');
  await page.keyboard.type(query);
  await page.waitForSelector('#results:not([hidden]) [role=option]');
  const options = await page.$$eval('#results [role=option]', (els) => els.map((e) => ({
    name: e.querySelector('.nm').textContent, type: e.querySelector('.ty').textContent,
    selected: e.getAttribute('aria-selected') === 'true',
  })));
  if (shots) await page.screenshot({ path: path.join(shots, '2-search.png') });
  const expected = (options.find((o) => o.selected) || options[0]).name;
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => document.querySelector('#panel-title')?.textContent === q, expected);
  out.search = { options, picked: await page.textContent('#panel-title'), input: await page.inputValue('#q') };

  const readPanel = () => page.evaluate(() => {
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
    const facts = {};
    const dts = document.querySelectorAll('#facts dt');
    dts.forEach((dt) => { facts[dt.textContent] = dt.nextElementSibling.textContent; });
    const sel = document.querySelector('#nodes g.n.sel');
    const svg = document.querySelector('#net').getBoundingClientRect();
    let centre = null;
    if (sel) {
      const r = sel.querySelector('circle').getBoundingClientRect();
      centre = { dx: Math.round(r.x + r.width / 2 - (svg.x + svg.width / 2)), dy: Math.round(r.y + r.height / 2 - (svg.y + svg.height / 2)) };
    }
    return {
      title: document.querySelector('#panel-title')?.textContent,
      facts,
      measure: document.querySelector('#measure')?.value,
      neighbours: [...document.querySelectorAll('#neighbours li')].map((li) => ({
        name: li.querySelector('.nm').textContent, value: li.querySelector('.val').textContent,
        pressed: li.querySelector('button.item').getAttribute('aria-pressed') === 'true',
        tags: [...li.querySelectorAll('button')].map((b) => b.tagName),
      })),
      evidence_title: document.querySelector('#evidence-title')?.textContent || '',
      evidence: [...document.querySelectorAll('#evidence li.ev')].map((li) => ({
        text: li.querySelector('.sent').textContent,
        doc: li.querySelector('.doc').textContent,
        sentence: li.querySelector('.sid').textContent,
        marks: [...li.querySelectorAll('.sent mark')].map((m) => [m.className, m.textContent]),
      })),
      relations: text('#relations .rel'),
      selected_node: sel ? sel.getAttribute('data-id') : null,
      selected_visible: sel ? sel.querySelector('circle').getBoundingClientRect().width > 0 : false,
      highlighted_neighbours: document.querySelectorAll('#nodes g.n.nb').length,
      centre,
    };
  });
  out.panel = await readPanel();
  out.dom_selected = await inspectDom();
  if (shots) await page.screenshot({ path: path.join(shots, '3-selected.png') });

  // another measure re-ranks the neighbours
  if (out.panel.neighbours.length) {
    await page.selectOption('#measure', 'count');
    out.by_count = (await readPanel()).neighbours.map((n) => n.value);
    await page.selectOption('#measure', 'npmi');
  }

  // the panel is reachable with Tab from the search box
  await page.focus('#q');
  await page.keyboard.press('Escape');
  let reached = false;
  for (let n = 0; n < 8 && !reached; n++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('#panel'));
  }
  out.keyboard_reaches_panel = reached;

  // clear the selection, then click the node itself in the drawing
  await page.click('#panel-close');
  await page.waitForSelector('#top-list');
  const id = out.panel.selected_node;
  if (id) {
    const box = await page.locator(`#nodes g.n[data-id="${id}"] circle`).boundingBox();
    if (box) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction((q) => document.querySelector('#panel-title')?.textContent === q, expected, { timeout: 5000 })
        .catch(() => {});
    }
    out.click = { title: await page.textContent('#panel-title') };
  }
  out.scripts_after = await page.$$eval('script', (els) => els.length);

  // more queries (arguments after QUERY): each typed into the search box and picked, its panel read
  out.more = [];
  for (const more of process.argv.slice(4)) {
    await page.fill('#q', '');
    await page.click('#q');
    await page.keyboard.type(more);
    await page.waitForSelector('#results:not([hidden]) [role=option][aria-selected=true]');
    const pick = await page.$eval('#results [role=option][aria-selected=true] .nm', (e) => e.textContent);
    await page.keyboard.press('Enter');
    await page.waitForFunction((q) => document.querySelector('#panel-title')?.textContent === q, pick);
    out.more.push({ query: more, picked: pick, panel: await readPanel(), dom: await inspectDom() });
  }
  out.dom_after = await inspectDom();
  await context.close();
} catch (err) {
  out.error = String(err && err.stack ? err.stack : err);
} finally {
  await browser.close();
}
out.total_ms = Date.now() - t0;
process.stdout.write(JSON.stringify(out) + '\n');
