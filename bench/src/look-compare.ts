// `bash scripts/bench.sh look`: <ferry-uploader>, Uppy 6's Dashboard and FilePond with the same four
// files in the same states (empty, queued, uploading part way, done, failed), on a light and a dark
// page, 320 and 1024 px wide, photographed in Chromium. One PNG per widget and one side-by-side PNG
// per state go to bench/results/look/ (ignored by git), for a person to look at. See `--help`.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ferry/testing/chromium';
import { chromium, type Browser } from '@playwright/test';
import { buildBenchPages } from './bench-page.js';
import { BenchSink } from './sink.js';
import { unknownFlag } from './cli-flags.js';

const USAGE = `usage: bash scripts/bench.sh look [options]
  --widgets a,b   which widgets to photograph again (ferry, uppy, filepond; default all); the
                  side-by-side PNGs reuse the others' last PNGs
  --states a,b    which states (empty, queued, uploading, done, failed; default all)
PNGs go to bench/results/look/: <widget>-<state>-<light|dark>-<width>.png and, per state,
compare-<state>-<light|dark>-<width>.png with the three side by side.`;

// Kept in step with page/look-states.ts (the page's own copy; this side is Node's).
const WIDGETS = ['ferry', 'uppy', 'filepond'] as const;
const STATES = ['empty', 'queued', 'uploading', 'done', 'failed'] as const;
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [320, 1024] as const;
const TITLES: Record<(typeof WIDGETS)[number], string> = {
  ferry: 'Ferry &lt;ferry-uploader&gt;',
  uppy: 'Uppy 6 Dashboard',
  filepond: 'FilePond 4 (+ image preview)',
};

interface Options {
  readonly widgets: readonly (typeof WIDGETS)[number][];
  readonly states: readonly (typeof STATES)[number][];
}

function parse(argv: readonly string[]): Options {
  const list = <T extends string>(value: string | undefined, all: readonly T[], name: string): T[] => {
    const picked = (value ?? '').split(',').filter(Boolean);
    if (picked.length === 0 || picked.some((each) => !all.includes(each as T))) {
      console.error(`${name} takes a comma-separated list of ${all.join(', ')}\n${USAGE}`);
      process.exit(2);
    }
    return picked as T[];
  };
  let widgets: (typeof WIDGETS)[number][] = [...WIDGETS];
  let states: (typeof STATES)[number][] = [...STATES];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--widgets') widgets = list(argv[++i], WIDGETS, flag);
    else if (flag === '--states') states = list(argv[++i], STATES, flag);
    else unknownFlag(flag, USAGE);
  }
  return { widgets, states };
}

const resultsDir = fileURLToPath(new URL('../results/look/', import.meta.url));
const shotName = (widget: string, state: string, scheme: string, width: number): string =>
  join(resultsDir, `${widget}-${state}-${scheme}-${width}.png`);

async function photograph(browser: Browser, origin: string, options: Options): Promise<void> {
  for (const state of options.states)
    for (const scheme of SCHEMES)
      for (const width of WIDTHS)
        for (const widget of options.widgets) {
          // A context of its own for each shot; the viewport is the frame's width, as a phone's or a desktop column's.
          const context = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          await page.goto(
            `${origin}/look.html?widget=${widget}&state=${state}&dark=${scheme === 'dark' ? 1 : 0}&width=${width}`,
          );
          await page.evaluate(() => (globalThis as unknown as { look: { ready: Promise<void> } }).look.ready);
          await page
            .locator('#frame')
            .screenshot({ path: shotName(widget, state, scheme, width), animations: 'disabled' });
          await context.close();
          if (errors.length > 0) throw new Error(`${widget} ${state} ${scheme} ${width}: ${errors.join('; ')}`);
          process.stderr.write(`${widget}-${state}-${scheme}-${width}.png\n`);
        }
}

/** One PNG per state, scheme and width with the three widgets side by side, each under its name. */
async function combine(browser: Browser, options: Options): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 600 } });
  for (const state of options.states)
    for (const scheme of SCHEMES)
      for (const width of WIDTHS) {
        const columns = await Promise.all(
          WIDGETS.map(async (widget) => {
            const png = await readFile(shotName(widget, state, scheme, width)).catch(() => undefined);
            const image = png ? `<img src="data:image/png;base64,${png.toString('base64')}">` : '<p>(none yet)</p>';
            return `<figure><figcaption>${TITLES[widget]}</figcaption>${image}</figure>`;
          }),
        );
        const background = scheme === 'dark' ? '#121212' : '#fff';
        const ink = scheme === 'dark' ? '#e3e3e3' : '#1f1f1f';
        await page.setContent(
          `<body style="margin:0;background:${background};color:${ink};font:14px system-ui,sans-serif">
            <h1 style="font-size:16px;margin:12px 16px">${state}, ${scheme}, ${width} px</h1>
            <div style="display:flex;gap:24px;align-items:flex-start;padding:0 16px 16px;width:max-content">
              ${columns.join('').replaceAll('<figure>', '<figure style="margin:0">')}
            </div></body>`,
        );
        await page.screenshot({ path: join(resultsDir, `compare-${state}-${scheme}-${width}.png`), fullPage: true });
      }
  await page.close();
}

async function main(options: Options): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'ferry-look-'));
  const sink = new BenchSink(work);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    await buildBenchPages(work);
    const origin = await sink.start();
    await photograph(browser, origin, options);
    await combine(browser, options);
  } finally {
    await browser.close();
    await sink.close();
    await rm(work, { recursive: true, force: true });
  }
  console.log(`PNGs in ${resultsDir}`);
}

await main(parse(process.argv.slice(2)));
