import { en } from './translations/en.js';
import type { Translation } from './translations/translation.js';

const registry = new Map<string, Translation>([['en', en]]);

/**
 * Built-in languages other than English, by primary language (`zh-CN` falls back to `zh`), loaded
 * on first use so that pages in English never pay for them.
 */
const builtIn: Readonly<Record<string, () => Promise<Translation>>> = {
  zh: () => import('./translations/zh-cn.js').then((module) => module.zhCn),
};

/**
 * Makes a language available to every `<ferry-uploader>` by its `$code`; missing strings fall
 * back to English.
 * @example
 * ```ts
 * registerTranslation({ ...en, $code: 'en-GB', done: (count, name) => (count === 1 ? `${name} is up!` : `${count} are up!`) });
 * ```
 */
export function registerTranslation(translation: Translation): void {
  registry.set(translation.$code.toLowerCase(), translation);
}

/**
 * `tag` as a BCP 47 language tag `Intl` accepts, or `undefined` when it is none: a POSIX locale
 * such as `C` (WebKitGTK's `navigator.language` under `LANG=C`) or garbage in a `lang` attribute
 * would otherwise make every `Intl` call throw. `en_US` becomes `en-US`.
 * @example
 * ```ts
 * canonicalLocale('en_us'); // "en-US"
 * canonicalLocale('C'); // undefined
 * ```
 */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The registered strings for `locale` ("zh-CN", then "zh", then English), with `overrides` on top.
 * @example
 * ```ts
 * translationFor('en').upload; // "Upload"
 * ```
 */
export function translationFor(locale: string, overrides: Partial<Translation> = {}): Translation {
  const tag = locale.toLowerCase();
  const found = registry.get(tag) ?? registry.get(tag.split('-')[0]!) ?? en;
  return { ...en, ...found, ...overrides };
}

/**
 * Loads and registers the built-in language for `locale` when it is not registered yet;
 * resolves `true` when it registered one (so the caller re-renders).
 * @example
 * ```ts
 * if (await loadTranslation('zh-CN')) element.requestUpdate();
 * ```
 */
export async function loadTranslation(locale: string): Promise<boolean> {
  const tag = locale.toLowerCase();
  if (registry.has(tag) || registry.has(tag.split('-')[0]!)) return false;
  const load = builtIn[tag] ?? builtIn[tag.split('-')[0]!];
  if (!load) return false;
  registerTranslation(await load());
  return true;
}
