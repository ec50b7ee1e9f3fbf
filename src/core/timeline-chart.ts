/**
 * The timeline picture: events as numbered points on a time axis, one row and colour per source,
 * events the sources date differently joined by a dashed line. Vega-Lite describes the chart,
 * Vega renders it to SVG without a browser, resvg turns the SVG into a PNG with a bundled font,
 * so the same events give the same bytes on any machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

export interface ChartEvent {
  /** The number the reply's list gives the event. */
  n: number;
  /** The first day the date can mean, as milliseconds (UTC). */
  when: number;
  /** The source's short name: its row and colour. */
  source: string;
}

export interface ChartInput {
  title: string;
  events: readonly ChartEvent[];
  /** Groups of event numbers that date the same thing differently. */
  conflicts: readonly (readonly number[])[];
}

/** Width of the chart in CSS pixels; the PNG is twice as wide, sharp in a phone's full-screen view. */
export const CHART_WIDTH = 760;
const ROW = 56;
const SCALE = 2;

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** Offsets of an event's number from its point, by level: above, below, higher, lower. */
const LABEL_DY = [-12, 16, -24, 28];
const PADDING = 16;

/**
 * Each event's label level: numbers of events close together in one row ("11" and "12" a month
 * apart) take turns above and below the point instead of printing over each other.
 */
function labelLevels(events: readonly ChartEvent[]): Map<number, number> {
  const times = events.map((e) => e.when);
  const [min, max] = [Math.min(...times), Math.max(...times)];
  const px = (t: number) => PADDING + (max > min ? ((t - min) / (max - min)) * (CHART_WIDTH - 2 * PADDING) : 0);
  const width = (n: number) => String(n).length * 7 + 4;
  const levels = new Map<number, number>();
  const bySource = new Map<string, ChartEvent[]>();
  for (const e of events) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  for (const row of bySource.values()) {
    // Where the last label at each level ends, in pixels.
    const ends = LABEL_DY.map(() => Number.NEGATIVE_INFINITY);
    for (const e of [...row].sort((a, b) => a.when - b.when || a.n - b.n)) {
      const x = px(e.when);
      const free = ends.findIndex((end) => x - width(e.n) / 2 >= end);
      const level = free < 0 ? ends.indexOf(Math.min(...ends)) : free;
      ends[level] = x + width(e.n) / 2;
      levels.set(e.n, level);
    }
  }
  return levels;
}

function spec(input: ChartInput): TopLevelSpec {
  const rows = new Set(input.events.map((e) => e.source)).size;
  const byN = new Map(input.events.map((e) => [e.n, e]));
  const links = input.conflicts.flatMap((group, g) => group.flatMap((n) => (byN.has(n) ? [{ ...byN.get(n)!, group: g }] : [])));
  const x = { field: 'when', type: 'temporal', scale: { type: 'utc', padding: PADDING }, axis: { title: null, labelFontSize: 12 } } as const;
  const levels = labelLevels(input.events);
  const labelled = input.events.map((e) => ({ ...e, level: levels.get(e.n) ?? 0 }));
  const y = { field: 'source', type: 'nominal', axis: { title: null, labelFontSize: 12, labelLimit: 300 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: input.title, fontSize: 15, anchor: 'start' },
    width: CHART_WIDTH,
    height: Math.max(1, rows) * ROW,
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: null } },
    layer: [
      {
        data: { values: links },
        mark: { type: 'line', strokeDash: [4, 3], color: '#c0392b', strokeWidth: 1.5 },
        encoding: { x, y, detail: { field: 'group', type: 'nominal' } },
      },
      {
        data: { values: [...input.events] },
        mark: { type: 'point', filled: true, size: 110, opacity: 0.9 },
        encoding: { x, y, color: { field: 'source', type: 'nominal', legend: null, scale: { scheme: 'tableau10' } } },
      },
      ...LABEL_DY.map((dy, level) => ({
        data: { values: labelled.filter((e) => e.level === level) },
        mark: { type: 'text', dy, fontSize: 11 },
        encoding: { x, y, text: { field: 'n', type: 'nominal' } },
      })),
    ],
  } as TopLevelSpec;
}

type Compile = (spec: TopLevelSpec) => vega.Spec;
let compiler: Compile | null = null;

/**
 * Vega-Lite's compiler, loaded on first use and kept from leaking: importing vega-lite sets
 * `Set.prototype.toJSON` for its own hashing, which breaks discord.js's inspector when that loads
 * later and changes how every Set in the process serialises. The patch is put back only for the
 * span of each (synchronous) compile.
 */
async function vegaLite(): Promise<Compile> {
  if (compiler) return compiler;
  const before = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
  const { compile } = await import('vega-lite');
  const patch = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
  const restore = () => {
    if (before) Object.defineProperty(Set.prototype, 'toJSON', before);
    else delete (Set.prototype as { toJSON?: unknown }).toJSON;
  };
  restore();
  compiler = (s) => {
    if (patch) Object.defineProperty(Set.prototype, 'toJSON', patch);
    try {
      return compile(s).spec;
    } finally {
      restore();
    }
  };
  return compiler;
}

/** The chart as SVG text. */
export async function timelineSvg(input: ChartInput): Promise<string> {
  const compile = await vegaLite();
  const view = new vega.View(vega.parse(compile(spec(input))), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes. */
export async function timelinePng(input: ChartInput): Promise<Uint8Array> {
  const svg = await timelineSvg(input);
  const png = new Resvg(svg, {
    font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: SCALE },
    background: 'white',
  })
    .render()
    .asPng();
  return new Uint8Array(png);
}
