import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CalendarYearSummary } from '@jiuyi/shared';
import { getCalendarYear, listCalendarYears } from '../../../api/calendar-api';
import { OptionList } from '../../../components/option-list';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { YearEditor } from './year-editor';

function yearLabel(y: CalendarYearSummary): string {
  if (y.source === 'none') return `${y.year}年 · 尚未录入`;
  return `${y.year}年 · ${y.confirmed ? '已确认' : '草稿'} · 放假 ${y.holidayCount} 天`;
}

function YearPanel({ year, onSaved }: { year: number; onSaved: () => void }) {
  const detail = useAsync(() => getCalendarYear(year), [year]);
  if (detail.status === 'loading') return <LoadingView />;
  if (detail.status === 'error') return <ErrorView error={detail.error} onRetry={detail.reload} />;
  return <YearEditor key={year} initial={detail.data} onSaved={onSaved} />;
}

/** 管理员: the working-day calendar, year by year; a year counts only once it is confirmed. */
function StaffCalendarPage() {
  const asked = Number(useRouter().params.year);
  const years = useAsync(() => listCalendarYears(), []);
  const [chosen, setChosen] = useState<number>();
  const fallback =
    years.status === 'success'
      ? (years.data.items.find((y) => !y.confirmed) ?? years.data.items[0])?.year
      : undefined;
  const year = chosen ?? (Number.isInteger(asked) && asked > 0 ? asked : fallback);

  return (
    <Page testId="page-staff-calendar">
      <Section title="选择年份">
        <Text className="section__lead">
          国务院办公厅每年秋季公布次年放假和调休安排；录入并确认后，病案复印等期限按工作日准确计算。
        </Text>
        {years.status === 'loading' ? <LoadingView /> : null}
        {years.status === 'error' ? <ErrorView error={years.error} onRetry={years.reload} /> : null}
        {years.status === 'success' && years.data.warning ? (
          <View className="banner banner--warning" data-testid="calendar-page-warning" role="alert">
            <Text>{years.data.warning.message}</Text>
          </View>
        ) : null}
        {years.status === 'success' ? (
          <OptionList
            options={years.data.items
              .slice(0, 6)
              .map((y) => ({ value: String(y.year), label: yearLabel(y) }))}
            value={year ? String(year) : ''}
            testIdPrefix="calendar-year"
            onChange={(value) => setChosen(Number(value))}
          />
        ) : null}
      </Section>
      {year ? <YearPanel year={year} onSaved={years.reload} /> : null}
    </Page>
  );
}

export default StaffCalendarPage;
