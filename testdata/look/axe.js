// axe.js runs axe-core (WCAG 2.2 A and AA, and best practice) on each HTML
// page given, at 390 and 1280 px, in headless Chromium, and exits 1 on any
// violation. look.sh runs it when AXE_DIR names a folder where
// `npm install axe-core puppeteer-core` was run (node_modules is never
// committed): AXE_DIR=/tmp/axe make look.
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: 'new',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']});
  let total = 0;
  for (const file of process.argv.slice(2)) {
    for (const width of [390, 1280]) {
      const page = await browser.newPage();
      await page.setViewport({width, height: 900});
      await page.goto('file://' + file);
      await page.addScriptTag({content: axeSource});
      const r = await page.evaluate(async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}));
      console.log(`${file} @${width}px: ${r.violations.length} violations, ${r.passes.length} rules passed, ${r.incomplete.length} incomplete`);
      for (const v of r.violations) {
        console.log(`  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} nodes, e.g. ${v.nodes[0].html.slice(0, 150)}`);
      }
      for (const v of r.incomplete) {
        console.log(`  incomplete ${v.id}: ${v.help} — ${v.nodes.length} nodes`);
      }
      total += r.violations.length;
      await page.close();
    }
  }
  await browser.close();
  process.exit(total ? 1 : 0);
})();
