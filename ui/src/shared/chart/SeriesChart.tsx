import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import langDE from 'echarts/lib/i18n/langDE.js';

echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);
echarts.registerLocale('DE', langDE);

export interface SeriesPoint {
  label: string;
  value: number | null;
}

/** A line chart through echarts/core (only the line chart is bundled), in the UI's locale, with aria. */
export function SeriesChart({ title, points, language }: { title: string; points: SeriesPoint[]; language: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg', locale: language === 'de' ? 'DE' : 'EN' });
    chart.setOption({
      aria: { enabled: true, label: { description: title } },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: points.map((point) => point.label) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: title, data: points.map((point) => point.value), connectNulls: true, color: '#0b5cad' }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, points, language]);
  return <div className="chart" ref={element} role="img" aria-label={title} />;
}
