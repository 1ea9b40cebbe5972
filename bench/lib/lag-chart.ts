import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One second of a spike: what had been sent, what waited, and how long the oldest had waited. */
export interface LagSample {
  second: number;
  sent: number;
  waiting: number;
  oldestAgeSeconds: number;
}

const WIDTH = 800;
const HEIGHT = 400;
const MARGIN = { top: 40, right: 70, bottom: 45, left: 70 };

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A round axis maximum above `value` (1, 2 or 5 times a power of ten). */
function niceMax(value: number) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

/**
 * The queue-lag curve of a spike as a self-contained SVG under bench/results/: deliveries waiting
 * (left axis) and the oldest waiting delivery's age (right axis) per second, with the moments marked
 * (the last order, the last fulfillment). Returns the file's path.
 */
export function lagChart(
  samples: LagSample[],
  options: { title: string; file: string; marks: { second: number; label: string }[] },
): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxSecond = niceMax(
    Math.max(...options.marks.map((mark) => mark.second), ...samples.map((s) => s.second)),
  );
  const maxWaiting = niceMax(Math.max(...samples.map((s) => s.waiting)));
  const maxAge = niceMax(Math.max(...samples.map((s) => s.oldestAgeSeconds)));
  const x = (second: number) => MARGIN.left + (second / maxSecond) * plotWidth;
  const y = (value: number, max: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const line = (value: (sample: LagSample) => number, max: number) =>
    samples.map((s) => `${x(s.second).toFixed(1)},${y(value(s), max).toFixed(1)}`).join(" ");
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14">${escape(options.title)}</text>
${ticks
  .map(
    (
      t,
    ) => `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(t, 1)}" y2="${y(t, 1)}" stroke="#e5e5e5"/>
<text x="${MARGIN.left - 6}" y="${y(t, 1) + 4}" text-anchor="end" fill="#1f6feb">${Math.round(t * maxWaiting)}</text>
<text x="${WIDTH - MARGIN.right + 6}" y="${y(t, 1) + 4}" fill="#d1242f">${Math.round(t * maxAge)}</text>
<text x="${x(t * maxSecond)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${Math.round(t * maxSecond)}</text>`,
  )
  .join("\n")}
${options.marks
  .map(
    (
      mark,
      index,
    ) => `<line x1="${x(mark.second)}" x2="${x(mark.second)}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#888" stroke-dasharray="4 4"/>
<text x="${x(mark.second) + 4}" y="${MARGIN.top + 12 + index * 14}" fill="#555">${escape(mark.label)}</text>`,
  )
  .join("\n")}
<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${line((s) => s.waiting, maxWaiting)}"/>
<polyline fill="none" stroke="#d1242f" stroke-width="2" points="${line((s) => s.oldestAgeSeconds, maxAge)}"/>
<text x="${WIDTH / 2}" y="${HEIGHT - 8}" text-anchor="middle">seconds since the sale started</text>
<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#1f6feb">deliveries waiting</text>
<text transform="translate(${WIDTH - 16} ${MARGIN.top + plotHeight / 2}) rotate(90)" text-anchor="middle" fill="#d1242f">oldest waiting (s)</text>
</svg>
`;
  const dir = path.resolve(import.meta.dirname, "../results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${options.file}-${new Date().toISOString().replace(/[:.]/g, "-")}.svg`,
  );
  writeFileSync(file, svg);
  return file;
}
