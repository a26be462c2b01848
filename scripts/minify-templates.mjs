// Minifies the Lit templates of built files: bundlers leave template literals as they are, so
// every user would otherwise download our indentation. `css` literals (no interpolations) are
// minified as stylesheets by esbuild; in `html` literals, runs of whitespace that hold a line
// break become one space, which HTML renders identically (no template here has a <pre> with text).
import { transform } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BROWSER_TARGETS } from './browser-targets.mjs';

/** Index just past the template literal whose opening backtick is at `start`, collapsing its text into `out`. */
function template(source, start, out, collapse) {
  let i = start + 1;
  let text = '';
  const flush = () => {
    out.push(collapse ? text.replace(/\s*\n\s*/g, ' ') : text);
    text = '';
  };
  out.push('`');
  while (source[i] !== '`') {
    if (source[i] === '\\') {
      text += source.slice(i, i + 2);
      i += 2;
    } else if (source[i] === '$' && source[i + 1] === '{') {
      flush();
      out.push('${');
      i = expression(source, i + 2, out);
    } else text += source[i++];
  }
  flush();
  out.push('`');
  return i + 1;
}

/** Index just past the `}` closing the expression that starts at `start`, copying it into `out`. */
function expression(source, start, out) {
  let depth = 0;
  let i = start;
  for (;;) {
    const c = source[i];
    if (c === '`') {
      const nestedHtml = /\bhtml\s*$/.test(source.slice(Math.max(0, i - 8), i));
      i = template(source, i, out, nestedHtml);
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out.push(source.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && depth-- === 0) {
      out.push('}');
      return i + 1;
    }
    out.push(c);
    i++;
  }
}

// Every .js file under the folders named on the command line.
const files = [];
for (const folder of process.argv.slice(2)) {
  for (const entry of await readdir(folder, { recursive: true })) if (entry.endsWith('.js')) files.push(join(folder, entry));
}
for (const file of files) {
  let source = await readFile(file, 'utf8');
  if (!/\b(html|css)\s*`/.test(source)) continue;
  for (const match of [...source.matchAll(/\bcss\s*`([^`$\\]*)`/g)].reverse()) {
    const { code } = await transform(match[1], { loader: 'css', minify: true, target: BROWSER_TARGETS });
    source = source.slice(0, match.index) + 'css`' + code.trim() + '`' + source.slice(match.index + match[0].length);
  }
  const out = [];
  let last = 0;
  for (const match of source.matchAll(/\bhtml\s*`/g)) {
    if (match.index < last) continue; // inside a template already handled
    const tick = match.index + match[0].length - 1;
    out.push(source.slice(last, tick));
    last = template(source, tick, out, true);
  }
  await writeFile(file, out.join('') + source.slice(last));
}
