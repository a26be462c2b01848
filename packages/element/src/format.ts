const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

// One formatter per locale, unit and precision: building one costs far more than using it, and a
// list of 300 files formats about 600 sizes per render (the thumbnail bench's long tasks).
const formatters = new Map<string, Intl.NumberFormat>();

function unit(value: number, name: string, locale: string | undefined, digits: number, long = false): string {
  const id = `${locale ?? ''} ${name} ${digits} ${long}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      // Plain bytes in words, so the locale's plural rules apply ("1 byte", "70 bytes", "70 字节"); CLDR's short form is "70 byte".
      unitDisplay: long ? 'long' : 'short',
      maximumFractionDigits: digits,
    });
    formatters.set(id, formatter);
  }
  return formatter.format(value);
}

/**
 * A byte count for people, through `Intl` ("70 bytes", "1.5 MB", "12 kB"), in binary steps, with
 * the locale's units and plural rules; with `perSecond` a speed ("2.4 MB/s").
 * @example
 * ```ts
 * formatBytes(1536, 'en'); // "1.5 kB"
 * ```
 */
export function formatBytes(bytes: number, locale?: string, perSecond = false): string {
  let value = bytes;
  let step = 0;
  while (value >= 1024 && step < UNITS.length - 1) {
    value /= 1024;
    step++;
  }
  return unit(
    value,
    `${UNITS[step]!}${perSecond ? '-per-second' : ''}`,
    locale,
    value < 10 && step > 0 ? 1 : 0,
    step === 0,
  );
}

/**
 * A duration for people, through `Intl`, in its largest sensible unit ("45 sec", "3 min", "1.5 hr").
 * @example
 * ```ts
 * formatDuration(200, 'en'); // "3 min"
 * ```
 */
export function formatDuration(seconds: number, locale?: string): string {
  if (seconds < 60) return unit(Math.ceil(seconds), 'second', locale, 0);
  if (seconds < 3600) return unit(Math.round(seconds / 60), 'minute', locale, 0);
  return unit(seconds / 3600, 'hour', locale, 1);
}
