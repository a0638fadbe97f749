import { describe, expect, it } from "vitest";
import { iniChart } from "./ini-chart.js";
import type { IniFigure } from "./ini-rounds.js";

const FIGURE: IniFigure = {
  base: 1000,
  top: 10_000,
  points: [
    { profiles: 100, cpuMs: { credchain: 0.45, sdk: 0.55 }, wallMs: { credchain: 0.5, sdk: 0.6 }, ratios: [1.2] },
    { profiles: 1000, cpuMs: { credchain: 2.2, sdk: 3.4 }, wallMs: { credchain: 2.4, sdk: 3.6 }, ratios: [1.5] },
    { profiles: 10_000, cpuMs: { credchain: 24, sdk: 51 }, wallMs: { credchain: 26, sdk: 55 }, ratios: [2.1] },
  ],
  growth: { credchain: [10.9], sdk: [15] },
  wallGrowth: { credchain: [10.8], sdk: [15.3] },
};

describe(iniChart.name, () => {
  const svg = iniChart(FIGURE, "2 × CPU <fast> & \"new\"");

  it("draws one line per library through every count, each point labelled", () => {
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => (m[1] as string).split(" "));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toHaveLength(3);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    for (const label of ["0.45 ms", "2.2 ms", "24 ms", "51 ms", "10.9× from 1,000 to 10,000", "15.0× from 1,000 to 10,000", "10,000"]) expect(svg).toContain(label);
  });

  it("puts more time higher and more profiles further right (both axes logarithmic)", () => {
    const [credchain] = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => (m[1] as string).split(" ").map((p) => p.split(",").map(Number)));
    const [[x0, y0], [x1, y1], [x2, y2]] = credchain as number[][] as [number[], number[], number[]];
    expect(x1! - x0!).toBeCloseTo(x2! - x1!, 0);
    expect(y0).toBeGreaterThan(y1!);
    expect(y1).toBeGreaterThan(y2!);
  });

  it("escapes the note, the one text it does not write itself", () => {
    expect(svg).toContain("2 × CPU &lt;fast&gt; &amp; &quot;new&quot;");
    expect(svg).not.toContain("<fast>");
  });
});
