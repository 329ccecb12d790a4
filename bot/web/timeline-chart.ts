import { svgElement } from "./dom";
import { displayDate } from "./format";

/**
 * A small line chart of one metric across reports, drawn as SVG here rather than with a chart library:
 * the page loads nothing from elsewhere, and a handful of points needs no more than this.
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

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 44, right: 24, bottom: 48, left: 24 };

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
function anchorAt(index: number, count: number): string {
  if (count === 1) return "middle";
  if (index === 0) return "start";
  return index === count - 1 ? "end" : "middle";
}

export function timelineChart(points: TimelinePoint[], description: string): SVGSVGElement {
  const sorted = [...points].sort((left, right) => timeOf(left.asOf) - timeOf(right.asOf));
  const times = sorted.map((point) => timeOf(point.asOf));
  const values = sorted.map((point) => point.value);
  const x = scale(Math.min(...times), Math.max(...times), MARGIN.left, WIDTH - MARGIN.right);
  // The axis starts at zero (or below, for negative values) so the slope does not exaggerate a change.
  const y = scale(Math.min(0, ...values), Math.max(...values) * 1.05, HEIGHT - MARGIN.bottom, MARGIN.top);
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
    svgElement("polyline", {
      class: "timeline-line",
      points: sorted.map((point) => `${x(timeOf(point.asOf))},${y(point.value)}`).join(" "),
    }),
  );
  sorted.forEach((point, index) => {
    const pointX = x(timeOf(point.asOf));
    const pointY = y(point.value);
    const anchor = anchorAt(index, sorted.length);
    const link = svgElement(
      "a",
      { href: point.href, class: "timeline-point" },
      svgElement("title", {}, point.description),
      svgElement("circle", { cx: pointX, cy: pointY, r: 6 }),
      svgElement(
        "text",
        { x: pointX, y: pointY - 12, "text-anchor": anchor, class: "timeline-value" },
        point.label,
      ),
      svgElement(
        "text",
        { x: pointX, y: baseline + 24, "text-anchor": anchor, class: "timeline-date" },
        displayDate(point.asOf),
      ),
    );
    chart.append(link);
  });
  return chart;
}
