// Monthly score and standing within the peer group over time (ECharts, imported piece by piece and
// loaded lazily: the page imports this file with React.lazy, so echarts stays out of the main
// bundle). The top and bottom thirds are shaded bands; streaks of ≥ 3 months are marked.
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankEvidence } from '../../../shared/domain/findings';
import { chartPoints, streaks } from './chartData';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, DataZoomComponent, CanvasRenderer]);

const thirdColor: Record<string, string> = { top: '#389e0d', middle: '#1677ff', bottom: '#cf1322', none: '#8c8c8c' };

export default function RankChart({ history }: { history: RankEvidence[] }) {
  const { t, i18n } = useTranslation('casefile');
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const points = useMemo(() => chartPoints(history), [history]);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(onResize) : null;
    ro?.observe(el.current);
    return () => {
      window.removeEventListener('resize', onResize);
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const months = points.map((p) => p.month);
    const runs = streaks(points, 3);
    const long = points.length > 36;
    c.setOption(
      {
        animation: false,
        grid: { left: 48, right: 56, top: 36, bottom: long ? 64 : 32 },
        legend: { top: 0, left: 'center', data: [t('chart.score'), t('chart.standing')] },
        tooltip: {
          trigger: 'axis',
          formatter: (params: Array<{ dataIndex: number }>) => {
            const p = points[params[0]?.dataIndex ?? 0];
            if (!p || p.score === null) return p?.month ?? '';
            const third = p.third && p.third !== 'none' ? `${i18n.language === 'en' ? ', ' : '，'}${t(`third.${p.third}`)}` : '';
            return `${p.month}<br/>${t('chart.score')}${t('punct.colon')}${p.score}<br/>${t('chart.tooltipRank', { rank: p.rank, n: p.n })}${third}`;
          },
        },
        xAxis: { type: 'category', data: months, boundaryGap: false },
        yAxis: [
          { type: 'value', name: t('chart.score'), min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
          { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
        ],
        dataZoom: long ? [{ type: 'slider', startValue: months[Math.max(0, months.length - 36)], endValue: months[months.length - 1] }] : [],
        series: [
          {
            name: t('chart.score'),
            type: 'line',
            yAxisIndex: 0,
            data: points.map((p) => p.score),
            connectNulls: false,
            symbolSize: 5,
            lineStyle: { color: '#595959', width: 1.5 },
            itemStyle: { color: '#595959' },
            markArea: {
              silent: true,
              data: runs.map((r) => [
                {
                  xAxis: r.from,
                  name: t(r.third === 'top' ? 'chart.streakTop' : 'chart.streakBottom', { n: r.length }),
                  itemStyle: { color: r.third === 'top' ? 'rgba(56,158,13,0.08)' : 'rgba(207,19,34,0.08)' },
                  label: { color: thirdColor[r.third], fontSize: 11, position: 'insideTop', distance: 4 },
                },
                { xAxis: r.to },
              ]),
            },
          },
          {
            name: t('chart.standing'),
            type: 'line',
            yAxisIndex: 1,
            data: points.map((p) => (p.standing === null ? null : { value: p.standing, itemStyle: { color: thirdColor[p.third ?? 'none'] } })),
            connectNulls: false,
            symbolSize: 7,
            lineStyle: { color: '#1677ff', width: 1, type: 'dashed' },
            markArea: {
              silent: true,
              data: [
                [
                  { yAxis: 66.7, name: t('chart.topThird'), itemStyle: { color: 'rgba(56,158,13,0.06)' }, label: { position: 'insideTopLeft', color: '#389e0d', fontSize: 11 } },
                  { yAxis: 100 },
                ],
                [
                  { yAxis: 0, name: t('chart.bottomThird'), itemStyle: { color: 'rgba(207,19,34,0.06)' }, label: { position: 'insideBottomLeft', color: '#cf1322', fontSize: 11 } },
                  { yAxis: 33.3 },
                ],
              ],
            },
          },
        ],
      },
      { notMerge: true },
    );
  }, [points, t, i18n.language]);

  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="rank-chart" data-points={points.length} />;
}
