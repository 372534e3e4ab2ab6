#!/usr/bin/env node
// Checks HTML pages against WCAG 2.2 AA with axe-core, in headless Chromium, offline.
//
//   node tests/a11y/axe_check.mjs [--allow-js | --no-js] [--print] PATH...
//
// PATH is an HTML file or a folder (every *.html under it). Each page is opened as file://
// and may load only files under its own folder tree (the folder given, or the page's folder
// when a file is given) and data: URLs; any other request is blocked and reported, so a
// page that passes reads the same with the network off. A page fails on any serious or
// critical axe violation, any blocked request, any error in the browser console, any
// element whose focus indicator has less than 3:1 contrast with what is around it (of a
// two-colour indicator, the colour that contrasts most, and the two colours with each other
// at least 3:1 too), and, unless --allow-js or --no-js, any script of its own (the board
// paper has none).
//
// --no-js opens each page with JavaScript off, as a reader without it gets it (axe runs once
// it has loaded), and fails a page on any visible control that needs a script to do
// anything: a form without an action, a button of type "button", a select outside a form
// that submits.
// --print checks each page as it prints (CSS for print, backgrounds not printed unless the
// page asks for them with print-color-adjust: exact): every text at least 4.5:1 with what it
// is printed on.
//
// Exit: 0 every page passes, 1 a page fails, 2 a usage problem or the tools are missing
// (scripts/setup.sh --tests installs them).
//
// IACT_NPM_DIR   where axe-core and puppeteer-core are installed (default <repo>/.cache/npm)
// IACT_CHROMIUM  the browser (default /usr/bin/chromium, Debian's chromium package)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const MAX_NODES = 8;  // failing elements shown per rule
const SETUP_HINT = 'run scripts/setup.sh --tests (as root) to install it';

function usage(message) {
  if (message) console.error(`axe_check: ${message}`);
  console.error('usage: node tests/a11y/axe_check.mjs [--allow-js | --no-js] [--print] PATH...');
  process.exit(2);
}

// Runs in the page: WCAG's contrast ratio of two CSS colours ("rgb(0, 94, 184)"), and the
// colour an element sits on (the first background that is not transparent, from `from` up).
const PAGE_HELPERS = `
window.__iactRgb = function (colour) {
  const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?/.exec(colour || '');
  if (!m) return null;
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) };
};
window.__iactContrast = function (a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const x = lum(a), y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
window.__iactBackground = function (from, printing) {
  for (let el = from; el && el.nodeType === 1; el = el.parentElement) {
    const cs = getComputedStyle(el);
    const c = window.__iactRgb(cs.backgroundColor);
    if (!c || c.alpha === 0) continue;
    const exact = (cs.printColorAdjust || cs.webkitPrintColorAdjust) === 'exact';
    if (printing && !exact) continue;  // a background the printer leaves out
    return { colour: c, text: cs.backgroundColor, on: el };
  }
  return { colour: { rgb: [255, 255, 255], alpha: 1 }, text: 'white (the page)', on: null };
};
window.__iactName = function (el) {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  else if (el.classList.length) name += '.' + [...el.classList].join('.');
  return name;
};
`;

// Each focusable element, focused: its focus indicator (outline, and box-shadow rings) against
// the background around it.
function focusProblems() {
  const problems = new Set();
  const focusable = document.querySelectorAll(
    'a[href], button, select, input, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of focusable) {
    el.focus();
    if (document.activeElement !== el || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    const colours = [];
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) {
      const c = window.__iactRgb(cs.outlineColor);
      if (c && c.alpha > 0) colours.push(c);
    }
    for (const ring of (cs.boxShadow === 'none' ? '' : cs.boxShadow).split(/,(?![^(]*\))/)) {
      const c = window.__iactRgb(ring);
      const sizes = ring.replace(/rgba?\([^)]*\)/, '').trim().split(/\s+/).map(parseFloat);
      if (c && c.alpha > 0 && (sizes[3] || 0) >= 2) colours.push(c);  // a spread of 2px or more
    }
    const around = window.__iactBackground(el.parentElement, false);
    const best = Math.max(0, ...colours.map((c) => window.__iactContrast(c, around.colour)));
    const between = colours.length > 1 ? window.__iactContrast(colours[0], colours[1]) : Infinity;
    if (colours.length === 0) {
      problems.add(`${window.__iactName(el)}: no focus indicator (outline or ring of 2px or more)`);
    } else if (best < 3 || between < 3) {
      problems.add(`${window.__iactName(el)}: its focus indicator has ${best.toFixed(2)}:1 ` +
                   `against ${around.text}` +
                   (colours.length > 1 ? `, its two colours ${between.toFixed(2)}:1` : ''));
    }
    el.blur();
  }
  return [...problems];
}

// With JavaScript off: the visible controls that do nothing without it.
function scriptlessProblems() {
  const problems = new Set();
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const form of document.querySelectorAll('form:not([action])')) {
    if (visible(form)) problems.add(`${window.__iactName(form)}: a form with no action is shown`);
  }
  for (const el of document.querySelectorAll('button[type="button"], [onclick]')) {
    if (visible(el)) problems.add(`${window.__iactName(el)}: a control that only a script can answer is shown`);
  }
  for (const el of document.querySelectorAll('select')) {
    const form = el.closest('form');
    if (visible(el) && !(form && form.hasAttribute('action'))) {
      problems.add(`${window.__iactName(el)}: a select that submits nothing is shown`);
    }
  }
  return [...problems];
}

// As printed: each element with text of its own against what it is printed on.
function printProblems() {
  const problems = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden') continue;
    const text = window.__iactRgb(cs.color);
    if (!text) continue;
    const paper = window.__iactBackground(el, true);
    const ratio = window.__iactContrast(text, paper.colour);
    if (ratio < 4.5) {
      problems.add(`${window.__iactName(el)}: ${cs.color} text prints at ${ratio.toFixed(2)}:1 ` +
                   `on ${paper.text}`);
    }
  }
  return [...problems];
}

function missing(what) {
  console.error(`axe_check: ${what} is missing; ${SETUP_HINT}`);
  process.exit(2);
}

// The pages to check, each with the folder it may load files from.
function collectPages(args) {
  const pages = [];
  const walk = (dir, root) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, root);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push({ file: full, root });
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = fs.statSync(arg);
    } catch {
      usage(`${arg}: no such file or folder`);
    }
    const real = fs.realpathSync(arg);
    if (stat.isDirectory()) {
      const before = pages.length;
      walk(real, real);
      if (pages.length === before) usage(`${arg}: no .html files under it`);
    } else {
      pages.push({ file: real, root: path.dirname(real) });
    }
  }
  return pages;
}

// Whether a request may go ahead: data: and blob: URLs, and files under `root`.
function allowed(url, root) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (!url.startsWith('file:')) return false;
  let file;
  try {
    file = fileURLToPath(url.split('#')[0]);
  } catch {
    return false;
  }
  // A link out of the tree counts as out, whatever its name says.
  try {
    file = fs.realpathSync(file);
  } catch {
    file = path.resolve(file);
  }
  return file === root || file.startsWith(root + path.sep);
}

function shorten(text, max = 160) {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 3) + '...' : one;
}

async function checkPage(browser, page, axeSource, options) {
  const { allowJs, noJs, print } = options;
  const relative = path.relative(process.cwd(), page.file);
  const shown = relative && !relative.startsWith('..') ? relative : page.file;
  const problems = [];
  const blocked = new Set();
  const tab = await browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const url = request.url();
    if (allowed(url, page.root)) {
      request.continue();
      return;
    }
    // axe fetches the page's stylesheets again; each address is reported once.
    if (!blocked.has(url)) {
      blocked.add(url);
      problems.push(
        `${shown}: error: a request outside the page's folder was blocked: ${url} ` +
          `(${request.resourceType()}) [outside-request]`);
    }
    request.abort('blockedbyclient');
  });
  tab.on('requestfailed', (request) => {
    if (blocked.has(request.url())) return;
    problems.push(`${shown}: error: ${request.url()} did not load: ` +
                  `${request.failure()?.errorText ?? 'failed'} [request-failed]`);
  });
  tab.on('console', (message) => {
    if (message.type() !== 'error') return;
    const from = message.location()?.url ?? '';
    if (blocked.has(from)) return;  // reported above as the request it comes from
    problems.push(`${shown}: error: the console says: ${shorten(message.text())} [console-error]`);
  });
  tab.on('pageerror', (error) => {
    problems.push(`${shown}: error: the page's script failed: ${shorten(String(error))} ` +
                  `[page-error]`);
  });

  if (noJs) await tab.setJavaScriptEnabled(false);
  await tab.goto(pathToFileURL(page.file).href, { waitUntil: 'load', timeout: 30000 });
  // With JavaScript off the page's scripts did not run as it loaded; turned on again, they do
  // not run now, and axe can.
  if (noJs) await tab.setJavaScriptEnabled(true);
  if (!allowJs && !noJs) {
    const scripts = await tab.$$eval('script', (nodes) => nodes.length);
    if (scripts > 0) {
      problems.push(`${shown}: error: the page has ${scripts} script element(s); it should read ` +
                    `without JavaScript (pass --allow-js if it is meant to run one) [script]`);
    }
  }
  await tab.addScriptTag({ content: axeSource });
  const results = await tab.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags },
                                         resultTypes: ['violations'] }),
    TAGS);
  await tab.addScriptTag({ content: PAGE_HELPERS });
  const own = [];
  for (const p of await tab.evaluate(focusProblems)) own.push(`${shown}: error: ${p} [focus-contrast]`);
  if (noJs) {
    for (const p of await tab.evaluate(scriptlessProblems)) own.push(`${shown}: error: ${p} [needs-script]`);
  }
  if (print) {
    await tab.emulateMediaType('print');
    for (const p of await tab.evaluate(printProblems)) own.push(`${shown}: error: ${p} [print-contrast]`);
  }
  await tab.close();
  for (const line of own.slice(0, MAX_NODES * 2)) problems.push(line);
  if (own.length > MAX_NODES * 2) problems.push(`    ... and ${own.length - MAX_NODES * 2} more`);

  let failing = 0;
  let minor = 0;
  for (const v of results.violations) {
    if (!FAILING_IMPACTS.has(v.impact)) {
      minor += 1;
      continue;
    }
    failing += 1;
    problems.push(`${shown}: ${v.impact}: ${v.help} [${v.id}]`);
    for (const node of v.nodes.slice(0, MAX_NODES)) {
      problems.push(`    ${node.target.join(' ')}  ${shorten(node.html)}`);
      // The first reason is the one that matters (for contrast, the ratio and the colours).
      const why = (node.failureSummary || '').split('\n')[1];
      if (why) problems.push(`      ${shorten(why, 300)}`);
    }
    if (v.nodes.length > MAX_NODES) {
      problems.push(`    ... and ${v.nodes.length - MAX_NODES} more`);
    }
    problems.push(`  hint: ${v.helpUrl}`);
  }
  for (const line of problems) console.log(line);
  const passed = results.passes.length;
  if (problems.length === 0) {
    console.log(`${shown}: ok: ${passed} rules passed, ${minor} moderate/minor findings`);
    return true;
  }
  const outside = blocked.size;
  console.log(`${shown}: fail: ${failing} serious/critical violations, ${outside} outside ` +
              `requests; ${passed} rules passed, ${minor} moderate/minor findings`);
  return false;
}

async function main() {
  const args = process.argv.slice(2);
  const flags = ['--allow-js', '--no-js', '--print'];
  const options = { allowJs: args.includes('--allow-js'), noJs: args.includes('--no-js'),
                    print: args.includes('--print') };
  const paths = args.filter((a) => !flags.includes(a));
  if (paths.length === 0 || paths.some((a) => a.startsWith('-'))) usage();
  if (options.allowJs && options.noJs) usage('--allow-js and --no-js do not go together');

  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const npmDir = path.resolve(process.env.IACT_NPM_DIR || path.join(repo, '.cache', 'npm'));
  const chromium = process.env.IACT_CHROMIUM || '/usr/bin/chromium';
  const axeFile = path.join(npmDir, 'node_modules', 'axe-core', 'axe.min.js');
  if (!fs.existsSync(chromium)) missing(`Chromium (${chromium})`);
  if (!fs.existsSync(axeFile)) missing(`axe-core (${axeFile})`);
  const require = createRequire(path.join(npmDir, 'package.json'));
  let puppeteer;
  try {
    puppeteer = require('puppeteer-core');
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    missing(`puppeteer-core (in ${path.join(npmDir, 'node_modules')})`);
  }
  const pages = collectPages(paths);
  const axeSource = fs.readFileSync(axeFile, 'utf8');

  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    pipe: true,  // DevTools over a pipe, not a TCP port: works with no network at all
    args: [
      // Chromium's sandbox cannot start as root (CI containers run the tests as root).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // No calls home while the pages are checked.
      '--disable-background-networking', '--disable-component-update',
      '--disable-domain-reliability', '--no-pings',
    ],
  });
  let ok = true;
  try {
    for (const page of pages) ok = (await checkPage(browser, page, axeSource, options)) && ok;
  } finally {
    await browser.close();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`axe_check: ${error?.stack || error?.message || JSON.stringify(error)}`);
  process.exit(2);
});
