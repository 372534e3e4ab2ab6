#!/usr/bin/env node
// Checks HTML pages against WCAG 2.2 AA with axe-core, in headless Chromium, offline.
//
//   node tests/a11y/axe_check.mjs [--allow-js] PATH...
//
// PATH is an HTML file or a folder (every *.html under it). Each page is opened as file://
// and may load only files under its own folder tree (the folder given, or the page's folder
// when a file is given) and data: URLs; any other request is blocked and reported, so a
// page that passes reads the same with the network off. A page fails on any serious or
// critical axe violation, any blocked request, any error in the browser console, and, unless
// --allow-js, any script of its own (the board paper has none).
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
  console.error('usage: node tests/a11y/axe_check.mjs [--allow-js] PATH...');
  process.exit(2);
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

async function checkPage(browser, page, axeSource, allowJs) {
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

  await tab.goto(pathToFileURL(page.file).href, { waitUntil: 'load', timeout: 30000 });
  if (!allowJs) {
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
  await tab.close();

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
  const allowJs = args.includes('--allow-js');
  const paths = args.filter((a) => a !== '--allow-js');
  if (paths.length === 0 || paths.some((a) => a.startsWith('-'))) usage();

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
    for (const page of pages) ok = (await checkPage(browser, page, axeSource, allowJs)) && ok;
  } finally {
    await browser.close();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`axe_check: ${error?.stack || error?.message || JSON.stringify(error)}`);
  process.exit(2);
});
