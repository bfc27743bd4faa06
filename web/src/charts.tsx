// Charts drawn on the server as SVG (docs/decisions.md 37): no script, no third-party code, allowed by the CSP (no
// inline style: presentation attributes only). Each is one image for assistive technology (role="img", named by its
// <title>, described by its <desc>, which lists every value in words) and always stands beside the table it draws.
// A value the protection hides gets no bar, only its marker as text.
import type { Child } from "hono/jsx";

/** One bar: what it is, its number if it may be drawn, and what to write beside it (the table's text). */
export interface Bar {
  label: string;
  value?: number;
  text: string;
}

const INK = "#1a1a1a";
const SERIES = ["#01689b", "#154273"];
const FONT = 13;

/** Long names are cut in the picture; the table and the description carry them whole. */
function fit(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** The words a screen reader hears: the title, then each value. */
export function describe(bars: readonly Bar[]): string {
  return bars.map((b) => `${b.label}: ${b.text}`).join("; ");
}

function Frame(props: { id: string; title: string; description: string; width: number; height: number; children: Child }) {
  return (
    <svg
      class="hub-chart"
      role="img"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-desc`}
      viewBox={`0 0 ${props.width} ${props.height}`}
      width={props.width}
      height={props.height}
      xmlns="http://www.w3.org/2000/svg"
      data-chart={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** Horizontal bars, one per row of a table, longest value full width. */
export function BarChart(props: { id: string; title: string; description: string; bars: Bar[] }) {
  const labelWidth = 230;
  const plot = 260;
  const row = 26;
  const top = 6;
  const width = labelWidth + plot + 86;
  const height = top * 2 + props.bars.length * row;
  const max = Math.max(0, ...props.bars.map((b) => b.value ?? 0)) || 1;
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      <line x1={labelWidth} y1={top} x2={labelWidth} y2={height - top} stroke={INK} stroke-width="1" />
      {props.bars.map((bar, i) => {
        const y = top + i * row;
        const length = bar.value === undefined ? 0 : Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * plot);
        return (
          <g>
            <text x={labelWidth - 8} y={y + row / 2 + FONT / 3} text-anchor="end" font-size={FONT} fill={INK}>
              {fit(bar.label, 30)}
            </text>
            {length > 0 ? <rect x={labelWidth} y={y + 4} width={length.toFixed(1)} height={row - 8} fill={SERIES[0]} /> : null}
            <text x={(labelWidth + length + 6).toFixed(1)} y={y + row / 2 + FONT / 3} font-size={FONT} fill={INK}>
              {bar.text}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Columns in groups (one group per period), one series per figure, with a legend; the second series is hatched. */
export function ColumnChart(props: { id: string; title: string; description: string; groups: string[]; series: { name: string; bars: Bar[] }[] }) {
  const left = 12;
  const legend = 28;
  const bottom = 28;
  const plot = 180;
  const column = 40;
  const gap = 44;
  const groupWidth = props.series.length * column + gap;
  const width = Math.max(360, left * 2 + props.groups.length * groupWidth);
  const height = legend + 18 + plot + bottom;
  const base = legend + 18 + plot;
  const max = Math.max(0, ...props.series.flatMap((s) => s.bars.map((b) => b.value ?? 0))) || 1;
  const hatch = `${props.id}-hatch`;
  const fill = (s: number) => (s === 1 ? `url(#${hatch})` : (SERIES[s] ?? INK));
  return (
    <Frame id={props.id} title={props.title} description={props.description} width={width} height={height}>
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={SERIES[1]} stroke-width="4" />
        </pattern>
      </defs>
      {props.series.map((s, k) => (
        <g>
          <rect x={left + k * 170} y={6} width="14" height="14" fill={fill(k)} stroke={INK} stroke-width="1" />
          <text x={left + k * 170 + 20} y={18} font-size={FONT} fill={INK}>
            {s.name}
          </text>
        </g>
      ))}
      <line x1={left} y1={base} x2={width - left} y2={base} stroke={INK} stroke-width="1" />
      {props.groups.map((group, g) => {
        const x0 = left + gap / 2 + g * groupWidth;
        return (
          <g>
            {props.series.map((s, k) => {
              const bar = s.bars[g];
              const h = bar?.value === undefined ? 0 : Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * plot);
              const x = x0 + k * column;
              return (
                <g>
                  {h > 0 ? <rect x={x + 2} y={(base - h).toFixed(1)} width={column - 4} height={h.toFixed(1)} fill={fill(k)} stroke={SERIES[k] ?? INK} stroke-width="1" /> : null}
                  <text x={x + column / 2} y={(base - h - 4).toFixed(1)} text-anchor="middle" font-size={FONT - 1} fill={INK}>
                    {bar?.text ?? ""}
                  </text>
                </g>
              );
            })}
            <text x={x0 + (props.series.length * column) / 2} y={base + 18} text-anchor="middle" font-size={FONT - 1} fill={INK}>
              {group}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}
