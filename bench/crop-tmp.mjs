import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
const [file, x, y, w, h, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(w) * 2, height: Number(h) * 2 } });
const png = (await readFile(file)).toString('base64');
await page.setContent(`<body style="margin:0;overflow:hidden"><div style="width:${w}px;height:${h}px;overflow:hidden;transform:scale(2);transform-origin:0 0"><img style="margin:-${y}px 0 0 -${x}px;image-rendering:pixelated" src="data:image/png;base64,${png}"></div></body>`);
await page.screenshot({ path: out });
await browser.close();
