// Drives Neo4j Browser (served by the Neo4j test server at /browser/) in Debian's chromium, as a
// user does, and prints one JSON object with what it saw.
//
//   node neo4j_browser.mjs < job.json
//
// job.json (on stdin, so the password is on no command line):
//   {url, password, grass: "<text of queries/style.grass>", params: "<the query's // browser: line>",
//    table: "<queries/neighbours.cypher>", picture: "<queries/browser/neighbours.cypher>",
//    screenshot: "PATH.png" | ""}
//
// What it does: connects with the password typed into Browser's connect form; applies the style by
// dropping style.grass onto the Browser window (as a file dragged from a file manager); sets the
// parameters by pasting the header's `:param` line into the editor and running it (Ctrl+Enter);
// runs the neighbours query (rows: the table Browser shows) and its picture form (the drawing:
// every node's caption, fill colour and size); saves a screenshot of the drawing. Then checks
// that the style is what colours it: `:style reset` (Browser's colours), then the other way the
// README gives, `:style ` followed by the file's text pasted into the editor, and the drawing again.
// Every request that leaves the machine (a host other than loopback) is aborted and recorded:
// Browser asks Google Fonts for its UI font and, once connected, loads Segment's and Canny's
// scripts. Console errors and page errors are collected.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const origin = new URL(job.url).origin;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const out = { blocked: [], console_errors: [], page_errors: [], error: null };

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await context.route((url) => !LOOPBACK.has(url.hostname), async (route) => {
    out.blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) out.console_errors.push(msg.text().slice(0, 500));
  });
  page.on('pageerror', (err) => out.page_errors.push(String(err && err.stack ? err.stack : err).slice(0, 1000)));

  // connect: the URL fills in the address and user; the password is typed
  await page.goto(job.url, { waitUntil: 'load' });
  await page.fill('input[data-testid=password]', job.password);
  await page.click('button[data-testid=connect]');
  await page.waitForSelector('text=neo4j$');
  out.connected = true;

  const frames = () => page.locator('[data-testid=frame]');
  const newest = () => frames().first();
  // paste TEXT into the editor (a user copying from a file) and run it; the new frame
  const paste = async (text) => {
    const before = await frames().count();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.click('#monaco-main-editor');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=frame]').length > n, before);
    return newest();
  };
  // the style Browser keeps (in its local storage): the selectors of its rules
  const grass = async () => {
    await page.waitForFunction(() => !['null', null].includes(localStorage.getItem('neo4j.grass')));
    return Object.keys(JSON.parse(await page.evaluate(() => localStorage.getItem('neo4j.grass'))));
  };

  // the style: style.grass dropped onto the Browser window
  const dropped = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'style.grass', { type: '' }));
    return dt;
  }, job.grass);
  const before = await frames().count();
  const target = page.locator('#monaco-main-editor');
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: dropped });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=frame]').length > n, before);
  out.style_frame = {
    command: await newest().locator('[data-testid=frameCommand]').innerText(),
    shown: await newest().locator('pre').first().innerText(),
    selectors: await grass(),
  };

  // the parameters: the header's `:param` line
  const params = await paste(job.params);
  await params.locator('text=Successfully set your parameters').waitFor();
  out.params_frame = await params.locator('pre, [data-testid=frameContents]').first().innerText();

  // the neighbours query: a table of rows
  const table = await paste(job.table);
  await table.locator('table, [data-testid=cypherFrameErrorMessage]').first().waitFor();
  out.table_error = await table.locator('[data-testid=cypherFrameErrorMessage]').count()
    ? await table.locator('[data-testid=cypherFrameErrorMessage]').innerText() : null;
  out.table = await table.locator('table').first().evaluate((t) => [...t.querySelectorAll('tr')].map(
    (tr) => [...tr.querySelectorAll('th, td')].map((c) => c.innerText.trim()))).catch(() => null);

  // its picture: nodes drawn with captions, colours and sizes
  await paste(job.picture);
  // a name for this frame: new frames are put above it, so `first()` would move on
  await newest().evaluate((e) => e.setAttribute('data-kg-frame', 'picture'));
  const picture = page.locator('[data-kg-frame=picture]');
  const drawing = async (frame) => {
    await frame.locator('svg.neod3viz g.node circle.b-outline').first().waitFor();
    await page.waitForTimeout(1500); // the layout settles
    return frame.locator('svg.neod3viz').first().evaluate((svg) => ({
      nodes: [...svg.querySelectorAll('g.node')].map((g) => {
        const circle = g.querySelector('circle.b-outline');
        const box = circle.getBoundingClientRect();
        return {
          caption: [...g.querySelectorAll('text.caption')].map((t) => t.textContent.trim()).join(''),
          fill: (circle.getAttribute('fill') || '').toUpperCase(),
          stroke: (circle.getAttribute('stroke') || '').toUpperCase(),
          r: Number(circle.getAttribute('r')),
          visible: box.width > 0 && box.height > 0,
        };
      }),
      relationships: svg.querySelectorAll('g.relationship').length,
      relationship_captions: [...new Set([...svg.querySelectorAll('g.relationship text')].map((t) => t.textContent))],
    }));
  };
  out.picture = await drawing(picture);
  out.overview = await picture.innerText();
  if (job.screenshot) {
    await picture.screenshot({ path: job.screenshot });
    out.screenshot = job.screenshot;
  }

  // without the style, Browser's own colours; with it pasted after `:style `, the style's again
  await paste(':style reset');
  const rerun = async () => {
    await picture.locator('[data-testid=rerunFrameButton]').click();
    await page.waitForTimeout(500);
  };
  await rerun();
  out.unstyled = await drawing(picture);
  const styled = await paste(':style ' + job.grass);
  out.pasted_style_frame = { command_start: (await styled.locator('[data-testid=frameCommand]').innerText()).slice(0, 40),
    selectors: await grass() };
  await rerun();
  out.pasted = await drawing(picture);
  out.crashed = await page.locator('text=Something went wrong').count() > 0;
  await context.close();
} catch (err) {
  out.error = String(err && err.stack ? err.stack : err);
} finally {
  await browser.close();
}
out.total_ms = Date.now() - t0;
process.stdout.write(JSON.stringify(out) + '\n');
