'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// Mid-tone colours read on the light and the dark theme alike.
const COLOURS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#f43f5e', '#64748b'];

/** Each metric across the versions, oldest to newest; the table beside it carries the numbers. */
export function MetricsChart({ rows, metrics }: { rows: ({ version: string } & Record<string, number | string | undefined>)[]; metrics: string[] }) {
  return (
    <figure aria-label={`Chart of ${metrics.join(', ')} by version`} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.4} />
          <XAxis dataKey="version" tick={{ fontSize: 12, fill: '#64748b' }} />
          <YAxis tick={{ fontSize: 12, fill: '#64748b' }} width={48} />
          <Tooltip />
          <Legend />
          {metrics.map((metric, i) => (
            <Line key={metric} type="monotone" dataKey={metric} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
