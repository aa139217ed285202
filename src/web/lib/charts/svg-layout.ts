/**
 * The shapes of a chart drawn as plain SVG (the 驾驶舱's charts, so its first screen needs no
 * ECharts): bars (grouped or stacked), lines, a second value axis on the right, a donut and a
 * funnel, laid out for a box of the given size. Pure: tested without a DOM (svg-layout.test.ts).
 */
import { formatterFor, labelOf, palette, type ChartSpec, type ChartTokens } from './option';

export interface SvgBar {
  kind: 'bar';
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  series: number;
  row: number;
}
export interface SvgLine {
  kind: 'line';
  points: { x: number; y: number; row: number }[];
  color: string;
  series: number;
}
export interface SvgArc {
  kind: 'arc';
  /** The SVG path of the slice. */
  d: string;
  color: string;
  row: number;
  label: { x: number; y: number; anchor: 'start' | 'end'; text: string };
}
export interface SvgTrapezoid {
  kind: 'trapezoid';
  d: string;
  color: string;
  row: number;
  label: { x: number; y: number; text: string };
}
export type SvgShape = SvgBar | SvgLine | SvgArc | SvgTrapezoid;

export interface SvgTick {
  /** Pixel position along the value axis (y for a vertical chart). */
  at: number;
  text: string;
}

export interface SvgLayout {
  width: number;
  height: number;
  shapes: SvgShape[];
  /** The plot area (cartesian charts). */
  plot?: { left: number; top: number; right: number; bottom: number };
  leftTicks: SvgTick[];
  rightTicks: SvgTick[];
  /** One band per row: its centre and extent along the category axis, and its label. */
  bands: { row: number; from: number; to: number; centre: number; label: string }[];
  legend: { text: string; color: string }[];
}

/** A round step for about `count` intervals between 0 and `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** Axis bounds (0 always in range) and ticks for the given values. */
export function scaleFor(values: number[]): { min: number; max: number; step: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep(hi - lo || 1);
  return { min: Math.floor(lo / step) * step, max: Math.max(step, Math.ceil(hi / step) * step), step };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);

/** The SVG renderer draws every spec but a horizontal ranking (left to ECharts). */
export const svgCanDraw = (spec: ChartSpec) => !spec.horizontal;

export function svgLayout(spec: ChartSpec, t: ChartTokens, width: number, height: number): SvgLayout {
  const colours = palette(t);
  const rows = spec.dataset.rows;
  const rowColour = (i: number) => (spec.rowColor ? spec.rowColor(rows[i]!, i) : undefined);
  const out: SvgLayout = { width, height, shapes: [], leftTicks: [], rightTicks: [], bands: [], legend: [] };

  if (spec.kind === 'pie' || spec.kind === 'funnel') {
    const key = spec.values[0]!;
    const fmt = formatterFor(spec, key);
    const values = rows.map((r) => Math.max(0, num(r[key])));
    const names = rows.map((r) => String(r[spec.category] ?? ''));
    const colourOf = (i: number) => rowColour(i) ?? colours[i % colours.length]!;
    out.legend = spec.kind === 'pie' ? names.map((text, i) => ({ text, color: colourOf(i) })) : [];
    if (spec.kind === 'pie') {
      const total = values.reduce((a, b) => a + b, 0) || 1;
      const cx = width / 2;
      const cy = (height - 24) / 2;
      const outer = Math.max(10, Math.min(width, height - 24) * 0.34);
      const inner = outer * 0.6;
      let angle = -Math.PI / 2;
      values.forEach((v, i) => {
        const sweep = (v / total) * Math.PI * 2;
        const end = angle + Math.min(sweep, Math.PI * 2 - 1e-4);
        const p = (r: number, a: number) => `${(cx + r * Math.cos(a)).toFixed(2)} ${(cy + r * Math.sin(a)).toFixed(2)}`;
        const large = end - angle > Math.PI ? 1 : 0;
        const d = `M ${p(outer, angle)} A ${outer} ${outer} 0 ${large} 1 ${p(outer, end)} L ${p(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${p(inner, angle)} Z`;
        const mid = (angle + end) / 2;
        const lx = cx + (outer + 12) * Math.cos(mid);
        const ly = cy + (outer + 12) * Math.sin(mid);
        const percent = Math.round((v / total) * 1000) / 10;
        out.shapes.push({ kind: 'arc', d, color: colourOf(i), row: i, label: { x: lx, y: ly, anchor: Math.cos(mid) >= 0 ? 'start' : 'end', text: `${names[i]} ${fmt(v)}（${percent}%）` } });
        angle += sweep;
      });
    } else {
      const max = Math.max(...values, 0) || 1;
      const top = 8;
      const bottom = height - 32;
      const step = rows.length > 0 ? (bottom - top) / rows.length : 0;
      const full = width * 0.8;
      const min = full * 0.08;
      const widthOf = (v: number) => min + (full - min) * (v / max);
      values.forEach((v, i) => {
        const y0 = top + i * step;
        const y1 = y0 + step - 2;
        const w0 = widthOf(v);
        const w1 = i + 1 < values.length ? widthOf(values[i + 1]!) : min;
        const c = width / 2;
        const d = `M ${(c - w0 / 2).toFixed(2)} ${y0.toFixed(2)} L ${(c + w0 / 2).toFixed(2)} ${y0.toFixed(2)} L ${(c + w1 / 2).toFixed(2)} ${y1.toFixed(2)} L ${(c - w1 / 2).toFixed(2)} ${y1.toFixed(2)} Z`;
        out.shapes.push({ kind: 'trapezoid', d, color: colourOf(i), row: i, label: { x: c, y: (y0 + y1) / 2, text: `${names[i]} ${fmt(v)}` } });
        out.bands.push({ row: i, from: y0, to: y1, centre: (y0 + y1) / 2, label: names[i]! });
      });
    }
    return out;
  }

  // Cartesian: categories along x, values up; bars grouped (or stacked), lines through the bands' centres.
  const right = spec.values.filter((v) => spec.rightAxis?.includes(v));
  const left = spec.values.filter((v) => !spec.rightAxis?.includes(v));
  const kindOf = (key: string) => spec.seriesKinds?.[key] ?? (spec.kind === 'line' ? 'line' : 'bar');
  const valuesOf = (keys: string[]) => {
    const all: number[] = [];
    const stacked = keys.filter((k) => spec.stack && kindOf(k) === 'bar');
    for (const r of rows) {
      if (stacked.length > 0) all.push(stacked.reduce((s, k) => s + num(r[k]), 0));
      for (const k of keys) if (!stacked.includes(k)) all.push(num(r[k]));
    }
    return all;
  };
  const leftScale = scaleFor(valuesOf(left));
  const rightScale = right.length > 0 ? scaleFor(valuesOf(right)) : null;
  const leftFmt = formatterFor(spec, left[0] ?? spec.values[0]!);
  const rightFmt = right.length > 0 ? formatterFor(spec, right[0]!) : leftFmt;
  const tickText = (scale: { min: number; max: number; step: number }, fmt: (v: number) => string) => {
    const texts: { v: number; text: string }[] = [];
    for (let v = scale.min; v <= scale.max + scale.step / 1e6; v += scale.step) texts.push({ v, text: fmt(Math.round(v * 1e6) / 1e6) });
    return texts;
  };
  const leftTexts = tickText(leftScale, leftFmt);
  const rightTexts = rightScale ? tickText(rightScale, rightFmt) : [];
  const charWidth = t.fontSize * 0.62;
  const longest = (texts: { text: string }[]) => Math.max(0, ...texts.map((x) => x.text.length));
  const plot = {
    left: 8 + longest(leftTexts) * charWidth + 6,
    right: width - (rightScale ? 8 + longest(rightTexts) * charWidth + 6 : 16),
    top: 16,
    bottom: height - 22 - (spec.values.length > 1 ? 24 : 0),
  };
  out.plot = plot;
  const yOf = (scale: { min: number; max: number }, v: number) => plot.bottom - ((v - scale.min) / (scale.max - scale.min || 1)) * (plot.bottom - plot.top);
  out.leftTicks = leftTexts.map((x) => ({ at: yOf(leftScale, x.v), text: x.text }));
  out.rightTicks = rightScale ? rightTexts.map((x) => ({ at: yOf(rightScale, x.v), text: x.text })) : [];
  out.legend = spec.values.length > 1 ? spec.values.map((k, i) => ({ text: labelOf(spec, k), color: colours[i % colours.length]! })) : [];

  const band = rows.length > 0 ? (plot.right - plot.left) / rows.length : 0;
  out.bands = rows.map((r, i) => ({ row: i, from: plot.left + i * band, to: plot.left + (i + 1) * band, centre: plot.left + (i + 0.5) * band, label: String(r[spec.category] ?? '') }));
  const bars = spec.values.map((k, i) => ({ k, i })).filter(({ k }) => kindOf(k) === 'bar');
  const groups = spec.stack ? 1 : Math.max(1, bars.length);
  const barWidth = Math.min(36, (band * 0.7) / groups);
  rows.forEach((r, row) => {
    let base = 0;
    let baseNeg = 0;
    bars.forEach(({ k, i }, slot) => {
      const scale = right.includes(k) && rightScale ? rightScale : leftScale;
      const v = num(r[k]);
      const from = spec.stack ? (v >= 0 ? base : baseNeg) : 0;
      const to = from + v;
      if (spec.stack) {
        if (v >= 0) base = to;
        else baseNeg = to;
      }
      const x = plot.left + (row + 0.5) * band - (groups * barWidth) / 2 + (spec.stack ? 0 : slot) * barWidth;
      const y0 = yOf(scale, from);
      const y1 = yOf(scale, to);
      out.shapes.push({ kind: 'bar', x, y: Math.min(y0, y1), width: Math.max(1, barWidth - (groups > 1 ? 2 : 0)), height: Math.abs(y0 - y1), color: rowColour(row) ?? colours[i % colours.length]!, series: i, row });
    });
  });
  spec.values.forEach((k, i) => {
    if (kindOf(k) !== 'line') return;
    const scale = right.includes(k) && rightScale ? rightScale : leftScale;
    const points = rows.flatMap((r, row) => (r[k] === null || r[k] === undefined ? [] : [{ x: plot.left + (row + 0.5) * band, y: yOf(scale, num(r[k])), row }]));
    out.shapes.push({ kind: 'line', points, color: colours[i % colours.length]!, series: i });
  });
  return out;
}

/** The tooltip's lines for a row: the category, then each value as the chart's columns format it. */
export function tooltipLines(spec: ChartSpec, row: number): string[] {
  const r = spec.dataset.rows[row];
  if (!r) return [];
  return [String(r[spec.category] ?? ''), ...spec.values.map((k) => `${labelOf(spec, k)}：${r[k] === null || r[k] === undefined ? '—' : formatterFor(spec, k)(num(r[k]))}`)];
}
