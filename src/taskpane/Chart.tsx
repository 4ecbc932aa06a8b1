// % of plan by indicator, as bars: where a reader would rather look than read. Plain SVG (no chart
// library); the rows not achieved are drawn in the shortfall colour and named so; title and desc give the
// same figures to a screen reader.
import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { fmt } from '../core/format';
import type { Strings } from './i18n';
import type { Bar } from './results';

const WIDTH = 300;
const ROW = 30;
const LABEL = 13;
/** Bars are drawn up to 150 % of plan; beyond, the bar stops at the edge and the number says the rest. */
const CAP = 150;

export function Chart({ bars, t }: { bars: Bar[]; t: Strings }): React.JSX.Element | null {
  const titleId = React.useId();
  const descId = React.useId();
  if (bars.length === 0) return null;
  const x = (p: number) => (Math.max(0, Math.min(p, CAP)) / CAP) * WIDTH;
  const height = bars.length * ROW + 4;
  const shown = bars.map((b) => ({ title: b.title, percent: `${fmt(b.percent, 2)}%`, short: b.short }));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} data-testid="chart"
      style={{ maxWidth: WIDTH * 1.5, fontFamily: tokens.fontFamilyBase }}>
      <title id={titleId}>{t.chartTitle}</title>
      <desc id={descId}>{t.chartDesc(shown)}</desc>
      {bars.map((b, i) => {
        const y = i * ROW;
        const name = b.title.length > 44 ? b.title.slice(0, 43) + '…' : b.title;
        return (
          <g key={`${b.id}-${b.measure ?? ''}`} aria-hidden="true">
            <text x={0} y={y + 10} fontSize={10} fill={tokens.colorNeutralForeground2}>{name}</text>
            <rect x={0} y={y + LABEL} width={Math.max(1, x(b.percent))} height={10} rx={2}
              fill={b.short ? tokens.colorPaletteGrapeBorderActive : tokens.colorPaletteGreenBorderActive} />
            {/* The figure after the bar, or inside its end when the bar reaches the edge. */}
            <text x={x(b.percent) > WIDTH - 110 ? x(b.percent) - 4 : x(b.percent) + 4} y={y + LABEL + 9} fontSize={10} fontWeight={b.short ? 700 : 400}
              textAnchor={x(b.percent) > WIDTH - 110 ? 'end' : 'start'}
              fill={x(b.percent) > WIDTH - 110 ? tokens.colorNeutralForegroundOnBrand : tokens.colorNeutralForeground1}>
              {shown[i]!.percent}{b.short ? ` ${t.chartShort}` : ''}
            </text>
          </g>
        );
      })}
      <line x1={x(100)} x2={x(100)} y1={0} y2={height} stroke={tokens.colorNeutralStroke1} strokeDasharray="3 2" aria-hidden="true" />
    </svg>
  );
}
