import { svgElement } from "./dom";
import { displayDate } from "./format";

/**
 * A small line chart of figures across reports, one line per series (one measure), drawn as SVG here
 * rather than with a chart library: the page loads nothing from elsewhere, and a handful of points needs no
 * more than this. Lines of different kinds (a count and a percentage) get their own vertical scale; every
 * point is labelled with the figure as printed, so no value is read off an axis.
 */
export interface TimelinePoint {
  asOf: string;
  value: number;
  /** The figure as printed, shown next to its point. */
  label: string;
  /** Where the point's citation opens. */
  href: string;
  /** Read by screen readers and shown as a tooltip: value, date and source. */
  description: string;
}

export interface TimelineLine {
  /** What the line's figures count; shown in the legend. */
  label: string;
  /** Lines of one scale group share the vertical axis (a count and a percentage do not). */
  scale: string;
  points: TimelinePoint[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 44, right: 24, bottom: 48, left: 24 };
/** How many line styles the stylesheet defines (`series-0` … `series-3`). */
export const LINE_STYLES = 4;

/** A partial ISO date as a position on a time axis, in years. */
function timeOf(asOf: string): number {
  const [year = "0", month = "1", day = "1"] = asOf.split("-");
  return Number(year) + (Number(month) - 1) / 12 + (Number(day) - 1) / 365;
}

function scale(domainStart: number, domainEnd: number, rangeStart: number, rangeEnd: number) {
  const span = domainEnd - domainStart;
  // A single date or a flat series has no span; put it in the middle instead of dividing by zero.
  if (span === 0) return () => (rangeStart + rangeEnd) / 2;
  return (value: number) => rangeStart + ((value - domainStart) / span) * (rangeEnd - rangeStart);
}

/** Labels at the edges are anchored inwards so they are not clipped by the chart's border. */
function anchorAt(x: number): string {
  if (x <= MARGIN.left + 1) return "start";
  return x >= WIDTH - MARGIN.right - 1 ? "end" : "middle";
}

/** One vertical scale per scale group, starting at zero so the slope does not exaggerate a change. */
function verticalScales(lines: TimelineLine[]): Map<string, (value: number) => number> {
  const scales = new Map<string, (value: number) => number>();
  for (const group of new Set(lines.map((line) => line.scale))) {
    const values = lines
      .filter((line) => line.scale === group)
      .flatMap((line) => line.points.map((point) => point.value));
    scales.set(
      group,
      scale(Math.min(0, ...values), Math.max(...values) * 1.05, HEIGHT - MARGIN.bottom, MARGIN.top),
    );
  }
  return scales;
}

export function timelineChart(lines: TimelineLine[], description: string): SVGSVGElement {
  const times = lines.flatMap((line) => line.points.map((point) => timeOf(point.asOf)));
  const x = scale(Math.min(...times), Math.max(...times), MARGIN.left, WIDTH - MARGIN.right);
  const scales = verticalScales(lines);
  const baseline = HEIGHT - MARGIN.bottom;

  const chart = svgElement("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "timeline-chart",
    role: "img",
    "aria-label": description,
    preserveAspectRatio: "xMidYMid meet",
  });
  chart.append(
    svgElement("line", {
      class: "timeline-axis",
      x1: MARGIN.left,
      x2: WIDTH - MARGIN.right,
      y1: baseline,
      y2: baseline,
    }),
  );
  const datesShown = new Set<string>();
  lines.forEach((line, lineIndex) => {
    const style = `series-${lineIndex % LINE_STYLES}`;
    const y = scales.get(line.scale) ?? ((value: number) => value);
    const sorted = [...line.points].sort((left, right) => timeOf(left.asOf) - timeOf(right.asOf));
    chart.append(
      svgElement("polyline", {
        class: `timeline-line ${style}`,
        points: sorted.map((point) => `${x(timeOf(point.asOf))},${y(point.value)}`).join(" "),
      }),
    );
    for (const point of sorted) {
      const pointX = x(timeOf(point.asOf));
      const pointY = y(point.value);
      const anchor = anchorAt(pointX);
      const parts = [
        svgElement("title", {}, point.description),
        svgElement("circle", { cx: pointX, cy: pointY, r: 6 }),
        svgElement(
          "text",
          { x: pointX, y: pointY - 12, "text-anchor": anchor, class: "timeline-value" },
          point.label,
        ),
      ];
      // One date label per date, however many lines have a point there.
      if (!datesShown.has(point.asOf)) {
        datesShown.add(point.asOf);
        parts.push(
          svgElement(
            "text",
            { x: pointX, y: baseline + 24, "text-anchor": anchor, class: "timeline-date" },
            displayDate(point.asOf),
          ),
        );
      }
      chart.append(svgElement("a", { href: point.href, class: `timeline-point ${style}` }, ...parts));
    }
  });
  return chart;
}
