import * as hdr from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, from 1 µs to 60 s, to 3 significant digits. */
export function latencyHistogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export const encode = (histogram: hdr.Histogram): string => hdr.encodeIntoCompressedBase64(histogram);

/** Merges histograms encoded by several processes. */
export function merge(encoded: string[]): hdr.Histogram {
  const total = latencyHistogram();
  for (const text of encoded) if (text) total.add(hdr.decodeFromCompressedBase64(text));
  return total;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export function summarize(histogram: hdr.Histogram): LatencySummary {
  const ms = (micros: number) => Math.round(micros) / 1000;
  return {
    count: histogram.totalCount,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    p999Ms: ms(histogram.getValueAtPercentile(99.9)),
    maxMs: ms(histogram.maxValue),
  };
}

/** Wall-clock time in microseconds, comparable between processes on one machine. */
export const nowMicros = (): number => Math.round((performance.timeOrigin + performance.now()) * 1000);
