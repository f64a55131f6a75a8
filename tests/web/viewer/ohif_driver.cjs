// Drives headless Chromium (Debian's, through playwright-core) through the OHIF viewer, for
// tests/web/ohif.py.  Usage: node ohif_driver.cjs CONFIG.json
// CONFIG: {playwright, chromium, baseUrl, outDir, studies: [{uid, texts: [...]}] (texts the study
//          list must show; [] skips the list), filter: {text, expect: [...], request} (typed into
//          the Patient filter; request: a part of the search URL to wait for), viewer: {uid, query}, timeoutMs}
// Writes into outDir: study-list.png, viewer.png, browser-requests.json, console.log, result.json.
'use strict';
const fs = require('fs');
const path = require('path');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { chromium } = require(config.playwright);
const out = config.outDir;
const timeout = config.timeoutMs || 60000;
const requests = [];
const consoleLines = [];
const result = { steps: [], blocked: [] };

function step(name, ok, detail) {
  result.steps.push({ name, ok, detail: detail === undefined ? null : detail });
}

async function main() {
  // a new, empty profile folder for each run
  const profile = fs.mkdtempSync(path.join(out, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    const origin = new URL(config.baseUrl).origin;
    // Nothing leaves the machine: any request to another origin is refused and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue();
      }
      result.blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    page.on('requestfinished', async (r) => {
      const resp = await r.response();
      requests.push({ method: r.method(), url: r.url(), type: r.resourceType(),
        status: resp ? resp.status() : null,
        accept: r.headers()['accept'] || null, authorization: !!r.headers()['authorization'] });
    });
    page.on('requestfailed', (r) => requests.push({ method: r.method(), url: r.url(),
      type: r.resourceType(), status: null, failure: r.failure() && r.failure().errorText }));

    // 1. The study list shows every study (skipped when no study texts are given).
    if (config.studies.length) {
      await page.goto(config.baseUrl + '/', { waitUntil: 'domcontentloaded' });
      try {
        for (const study of config.studies) {
          for (const text of study.texts) {
            await page.getByText(text, { exact: false }).first().waitFor({ timeout });
          }
        }
        step('study-list', true);
      } catch (e) {
        step('study-list', false, String(e.message || e).slice(0, 500));
      }
      await page.screenshot({ path: path.join(out, 'study-list.png') });
      // 1b. The Patient filter (the list's first text box) narrows the list.
      if (config.filter) {
        try {
          // the list filters what it has at once, then asks the server (debounced)
          const asked = config.filter.request ? page.waitForRequest(
            (r) => r.url().includes(config.filter.request), { timeout }) : Promise.resolve();
          await page.locator('input[type="text"], input:not([type])').first().fill(config.filter.text);
          for (const text of config.filter.expect) {
            await page.getByText(text, { exact: false }).first().waitFor({ timeout });
          }
          await asked;
          await page.waitForLoadState('networkidle', { timeout });
          step('study-list-filter', true);
        } catch (e) {
          step('study-list-filter', false, String(e.message || e).slice(0, 500));
        }
        await page.screenshot({ path: path.join(out, 'study-list-filtered.png') });
      }
    }

    // 2. A study opens: thumbnails, then the first image drawn on the viewport's canvas.
    const viewerUrl = config.baseUrl + '/viewer?StudyInstanceUIDs=' + config.viewer.uid +
      (config.viewer.query || '');
    await page.goto(viewerUrl, { waitUntil: 'domcontentloaded' });
    try {
      await page.waitForFunction(() => {
        const list = document.querySelector('[data-cy="thumbnail-list"]') || document;
        const imgs = Array.from(list.querySelectorAll('img'));
        return imgs.some((i) => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0);
      }, null, { timeout });
      const n = await page.evaluate(() => Array.from(document.querySelectorAll('img'))
        .filter((i) => i.complete && i.naturalWidth > 0).length);
      step('thumbnails', true, n);
    } catch (e) {
      step('thumbnails', false, String(e.message || e).slice(0, 500));
    }
    try {
      // cornerstone3D draws each rendered frame onto a 2D canvas in the viewport element
      await page.waitForFunction(() => {
        for (const c of document.querySelectorAll('canvas')) {
          if (c.width < 64 || c.height < 64) continue;
          let ctx;
          try { ctx = c.getContext('2d', { willReadFrequently: true }); } catch (e) { continue; }
          if (!ctx) continue;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          for (let i = 0; i < d.length; i += 4 * 97) {
            seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            if (seen.size > 16) return true;
          }
        }
        return false;
      }, null, { timeout, polling: 500 });
      step('image', true);
    } catch (e) {
      step('image', false, String(e.message || e).slice(0, 500));
    }
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(out, 'viewer.png') });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.writeFileSync(path.join(out, 'browser-requests.json'), JSON.stringify(requests, null, 1));
    fs.writeFileSync(path.join(out, 'console.log'), consoleLines.join('\n') + '\n');
    fs.writeFileSync(path.join(out, 'result.json'), JSON.stringify(result, null, 1));
  }
}

main().catch((e) => {
  result.steps.push({ name: 'driver', ok: false, detail: String(e.stack || e) });
  fs.writeFileSync(path.join(out, 'result.json'), JSON.stringify(result, null, 1));
  process.exit(2);
});
