/** One day of the chart (the shape db/queries/analytics.ts returns). */
export type ChartPoint = { day: string; views: number; visitors: number };

// Views and visitors per day as a server-rendered SVG line chart: no script, colours
// from the theme in light and dark, the two lines told apart by dash as well as colour.
// The numbers are in a table beside it (the page renders it) for screen readers.

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 16, bottom: 28, left: 48 };

/** A round top for the y axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function AnalyticsChart({ daily, titleId }: { daily: ChartPoint[]; titleId: string }) {
  const top = niceCeiling(Math.max(0, ...daily.map((d) => Math.max(d.views, d.visitors))));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (daily.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (daily.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const line = (field: "views" | "visitors") =>
    daily.map((d, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(d[field]).toFixed(1)}`).join(" ");
  const ticks = [0, top / 2, top];
  const labelled = daily.length <= 1 ? [0] : [0, Math.floor((daily.length - 1) / 2), daily.length - 1];
  const totalViews = daily.reduce((sum, d) => sum + d.views, 0);
  const totalVisitors = daily.reduce((sum, d) => sum + d.visitors, 0);
  return (
    <figure className="mt-4">
      <figcaption className="flex flex-wrap gap-6 text-sm">
        <span className="flex items-center gap-2">
          <svg width="24" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="24" y2="4" strokeWidth="3" className="stroke-sky-700 dark:stroke-sky-400" />
          </svg>
          Views
        </span>
        <span className="flex items-center gap-2">
          <svg width="24" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="24"
              y2="4"
              strokeWidth="3"
              strokeDasharray="6 4"
              className="stroke-emerald-700 dark:stroke-emerald-400"
            />
          </svg>
          Visitors
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-2 h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {`Views and visitors per day, ${shortDay(daily[0]?.day ?? "")} to ${shortDay(daily.at(-1)?.day ?? "")}: ${totalViews} views, ${totalVisitors} visitors. The same numbers are in the table “Views and visitors per day”.`}
        </title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              strokeWidth="1"
              className="stroke-zinc-300 dark:stroke-zinc-700"
            />
            <text
              x={PAD.left - 8}
              y={y(tick) + 4}
              textAnchor="end"
              fontSize="12"
              className="fill-zinc-700 dark:fill-zinc-300"
            >
              {tick}
            </text>
          </g>
        ))}
        {labelled.map((index) => (
          <text
            key={index}
            x={x(index)}
            y={HEIGHT - 8}
            textAnchor={index === 0 && daily.length > 1 ? "start" : index === daily.length - 1 ? "end" : "middle"}
            fontSize="12"
            className="fill-zinc-700 dark:fill-zinc-300"
          >
            {shortDay(daily[index]!.day)}
          </text>
        ))}
        <path d={line("views")} fill="none" strokeWidth="2.5" className="stroke-sky-700 dark:stroke-sky-400" />
        <path
          d={line("visitors")}
          fill="none"
          strokeWidth="2.5"
          strokeDasharray="6 4"
          className="stroke-emerald-700 dark:stroke-emerald-400"
        />
      </svg>
    </figure>
  );
}
