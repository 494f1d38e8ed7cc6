import type { DeviceDto } from '@hearth/contracts';

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/(?:\b|Headless)Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/\biPhone OS (\d+)/, (m) => `iOS ${m[1]}`],
  [/\biPad;.*\bOS (\d+)/, (m) => `iPadOS ${m[1]}`],
  [/\bAndroid (\d+)/, (m) => `Android ${m[1]}`],
  [/\bAndroid\b/, () => 'Android'],
  [/\bCrOS\b/, () => 'ChromeOS'],
  [/\bWindows NT 10\.0/, () => 'Windows'],
  [/\bWindows NT (\d+\.\d+)/, () => 'Windows'],
  [/\bMac OS X (\d+)[._](\d+)/, () => 'macOS'],
  [/\bLinux\b/, () => 'Linux'],
];

/**
 * What a user agent says about the device: browser, system and kind, at the coarseness a person recognises
 * ("Firefox 133 on Android 14, mobile"). Nothing else is derived: no address, no place.
 */
export function describeDevice(userAgent: string | null): DeviceDto {
  if (!userAgent) return { browser: null, os: null, kind: 'unknown' };
  return { browser: browserOf(userAgent), os: systemOf(userAgent), kind: kindOf(userAgent) };
}

function browserOf(userAgent: string): string | null {
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return null;
}

function systemOf(userAgent: string): string | null {
  for (const [pattern, name] of SYSTEMS) {
    const match = pattern.exec(userAgent);
    if (match) return name(match);
  }
  return null;
}

function kindOf(userAgent: string): DeviceDto['kind'] {
  if (/\biPad\b|\bTablet\b|Android(?!.*\bMobile\b)/.test(userAgent)) return 'tablet';
  if (/\bMobile\b|\biPhone\b/.test(userAgent)) return 'mobile';
  if (/\bWindows NT\b|\bMacintosh\b|\bX11\b|\bCrOS\b/.test(userAgent)) return 'desktop';
  return 'unknown';
}
