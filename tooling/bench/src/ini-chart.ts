import type { IniFigure } from "./ini-rounds.js";
import { median } from "./stats.js";

const WIDTH = 760;
const HEIGHT = 400;
const PLOT = { left: 72, right: WIDTH - 230, top: 48, bottom: HEIGHT - 64 };
const SERIES = [
  { lib: "credchain", name: "credchain", color: "#0969da" },
  { lib: "sdk", name: "AWS SDK v3", color: "#bc4c00" },
] as const;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round1 = (v: number) => Math.round(v * 10) / 10;
const msLabel = (v: number) => (v >= 10 ? `${v.toFixed(0)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);

/**
 * The INI figure as an SVG line chart, time per load against profile count, both axes
 * logarithmic (a straight line of slope 1 is linear growth; the dotted one is linear growth through
 * credchain's time at the headline count). Written by hand: no charting dependency.
 *
 * @example
 * ```ts
 * writeFileSync("docs/ini-parse-time.svg", iniChart(results.ini, "2 × AMD EPYC, Node v20.20.2"));
 * ```
 */
export function iniChart(figure: IniFigure, note: string): string {
  const counts = figure.points.map((p) => p.profiles);
  const times = figure.points.flatMap((p) => [p.cpuMs.credchain, p.cpuMs.sdk]);
  const x0 = Math.log10(Math.min(...counts)) - 0.1;
  const x1 = Math.log10(Math.max(...counts)) + 0.1;
  const y0 = Math.floor(Math.log10(Math.min(...times)));
  const y1 = Math.ceil(Math.log10(Math.max(...times)));
  const x = (profiles: number) => round1(PLOT.left + ((Math.log10(profiles) - x0) / (x1 - x0)) * (PLOT.right - PLOT.left));
  const y = (ms: number) => round1(PLOT.bottom - ((Math.log10(ms) - y0) / (y1 - y0)) * (PLOT.bottom - PLOT.top));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="22" font-size="14" font-weight="600">Loading config + credentials: CPU time per load against profiles</text>`,
    `<text x="${PLOT.left}" y="38" fill="#57606a">both axes logarithmic; median of ${figure.growth.credchain.length} interleaved rounds; ${escape(note)}</text>`,
  ];
  // Horizontal grid at 1, 2 and 5 of each power of ten.
  for (let power = y0; power <= y1; power++) {
    for (const step of power === y1 ? [1] : [1, 2, 5]) {
      const ms = step * 10 ** power;
      const at = y(ms);
      out.push(`<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.right}" y2="${at}" stroke="${step === 1 ? "#d0d7de" : "#eaeef2"}"/>`);
      if (step === 1 || y1 - y0 <= 2) out.push(`<text x="${PLOT.left - 8}" y="${at + 4}" text-anchor="end" fill="#57606a">${Number(ms.toPrecision(1))} ms</text>`);
    }
  }
  for (const profiles of counts) {
    const at = x(profiles);
    out.push(`<line x1="${at}" y1="${PLOT.top}" x2="${at}" y2="${PLOT.bottom}" stroke="#eaeef2"/>`);
    out.push(`<text x="${at}" y="${PLOT.bottom + 18}" text-anchor="middle" fill="#57606a">${profiles.toLocaleString("en-US")}</text>`);
  }
  out.push(`<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 40}" text-anchor="middle">profiles in ~/.aws/config (credentials: keys for one in ten)</text>`);
  out.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#8c959f"/>`);

  // Linear growth through credchain's time at the headline count, for reading the slopes.
  const base = figure.points.find((p) => p.profiles === figure.base);
  if (base) {
    const at = (profiles: number) => y(base.cpuMs.credchain * (profiles / base.profiles));
    const [from, to] = [Math.min(...counts), Math.max(...counts)];
    out.push(`<line x1="${x(from)}" y1="${at(from)}" x2="${x(to)}" y2="${at(to)}" stroke="#8c959f" stroke-dasharray="2 4"/>`);
    // Labelled below the line, between the smallest and the headline count, away from the values.
    const mid = Math.sqrt(from * base.profiles);
    out.push(`<text x="${x(mid)}" y="${at(mid) + 16}" fill="#57606a">linear</text>`);
  }
  for (const [n, { lib, name, color }] of SERIES.entries()) {
    const points = figure.points.map((p) => [x(p.profiles), y(p.cpuMs[lib]), p.cpuMs[lib]] as const);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([px, py]) => `${px},${py}`).join(" ")}"/>`);
    for (const [px, py, ms] of points) {
      out.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="${color}"/>`);
      // credchain's values below its line, the SDK's above: the two never overlap.
      out.push(`<text x="${px}" y="${n === 0 ? py + 16 : py - 8}" text-anchor="middle" fill="${color}">${msLabel(ms)}</text>`);
    }
    // The legend, with the growth from the headline count to the largest.
    const legendY = PLOT.top + 16 + n * 40;
    out.push(`<line x1="${PLOT.right + 10}" y1="${legendY - 4}" x2="${PLOT.right + 26}" y2="${legendY - 4}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${PLOT.right + 30}" y="${legendY}" fill="${color}">${name}</text>`);
    out.push(`<text x="${PLOT.right + 30}" y="${legendY + 16}" fill="#57606a">${median(figure.growth[lib]).toFixed(1)}× from ${figure.base.toLocaleString("en-US")} to ${figure.top.toLocaleString("en-US")}</text>`);
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
