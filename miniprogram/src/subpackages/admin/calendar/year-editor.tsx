import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FIXED_DATE_HOLIDAYS, formatDateList, parseDateList } from '@jiuyi/shared';
import type { CalendarYear } from '@jiuyi/shared';
import { putCalendarYear } from '../../../api/calendar-api';
import { ApiError } from '../../../api/client';
import { FormField } from '../../../components/form-field';
import { Section } from '../../../components/section';
import { errorText } from '../../../utils/error-text';

interface Errors {
  holidays?: string;
  workdays?: string;
  form?: string;
}

const SOURCE_LABELS: Record<CalendarYear['source'], string> = {
  library: '初始数据（日历库）',
  hospital: '医院录入',
  none: '尚未录入',
};

/** The server names the dates at fault (outside the year, both off and worked…): show them with its words. */
function serverError(caught: unknown): string {
  const dates = caught instanceof ApiError ? caught.details?.dates : undefined;
  const list = Array.isArray(dates) ? dates.filter((d): d is string => typeof d === 'string') : [];
  return list.length > 0 ? `${errorText(caught)}：${list.join('、')}` : errorText(caught);
}

/** One year's holidays and make-up working days: edit, save as a draft, or confirm. */
export function YearEditor({ initial, onSaved }: { initial: CalendarYear; onSaved: () => void }) {
  const [year, setYear] = useState(initial);
  const [holidays, setHolidays] = useState(() => formatDateList(initial.holidays));
  const [workdays, setWorkdays] = useState(() => formatDateList(initial.workdays));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const addFixedHolidays = () => {
    const parsed = parseDateList(holidays);
    const current = 'dates' in parsed ? parsed.dates : [];
    setHolidays(formatDateList([...current, ...FIXED_DATE_HOLIDAYS.map((md) => `${year.year}-${md}`)]));
  };

  const save = async (confirmed: boolean) => {
    if (busy) return;
    const off = parseDateList(holidays);
    const on = parseDateList(workdays);
    const problems: Errors = {};
    if ('invalid' in off) problems.holidays = `无法识别：${off.invalid.join('、')}`;
    if ('invalid' in on) problems.workdays = `无法识别：${on.invalid.join('、')}`;
    setErrors(problems);
    if (!('dates' in off) || !('dates' in on)) return;
    setBusy(true);
    try {
      const saved = await putCalendarYear(year.year, { holidays: off.dates, workdays: on.dates, confirmed });
      setYear(saved);
      setHolidays(formatDateList(saved.holidays));
      setWorkdays(formatDateList(saved.workdays));
      void Taro.showToast({ title: confirmed ? '已确认' : '已保存草稿', icon: 'success' });
      onSaved();
    } catch (caught) {
      setErrors({ form: serverError(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={`${year.year}年安排`} testId="calendar-editor">
      <View
        className={year.confirmed ? 'banner banner--success' : 'banner banner--info'}
        data-testid="calendar-year-state"
        role="status"
      >
        <Text className="banner__title">
          {year.confirmed ? '已确认：工作日按此安排计算' : '未确认：工作日暂按法定固定假日计算，期限为暂定'}
        </Text>
        <Text className="banner__hint">来源：{SOURCE_LABELS[year.source]}</Text>
      </View>
      <FormField
        step={1}
        label="放假日期"
        hint="按国务院办公厅通知填写，含假期中的周末。每行一个日期或一段，如 2027-10-01~2027-10-07"
        error={errors.holidays}
        errorTestId="calendar-holidays-error"
      >
        <Textarea
          className="field__input field__textarea"
          data-testid="calendar-holidays"
          value={holidays}
          maxlength={4000}
          autoHeight
          onInput={(event) => setHolidays(event.detail.value)}
        />
      </FormField>
      <Button className="btn btn--secondary" data-testid="calendar-fixed" onClick={addFixedHolidays}>
        填入法定固定假日（1月1日、5月1–2日、10月1–3日）
      </Button>
      <FormField
        step={2}
        label="调休上班日期"
        hint="需要上班的周六、周日"
        error={errors.workdays}
        errorTestId="calendar-workdays-error"
      >
        <Textarea
          className="field__input field__textarea"
          data-testid="calendar-workdays"
          value={workdays}
          maxlength={1000}
          autoHeight
          onInput={(event) => setWorkdays(event.detail.value)}
        />
      </FormField>
      {errors.form ? (
        <View className="banner banner--error" data-testid="calendar-form-error" role="alert">
          <Text>{errors.form}</Text>
        </View>
      ) : null}
      <View className="actions">
        <Button
          className="btn btn--secondary"
          data-testid="calendar-save-draft"
          {...(busy ? { disabled: true } : {})}
          onClick={() => void save(false)}
        >
          保存草稿
        </Button>
        <Button
          className="btn btn--primary"
          data-testid="calendar-confirm"
          {...(busy ? { disabled: true } : {})}
          onClick={() => void save(true)}
        >
          {busy ? '正在保存…' : '核对无误，确认'}
        </Button>
      </View>
      {year.history.length > 0 ? (
        <View data-testid="calendar-history">
          <View className="field__label">
            <Text>修改记录</Text>
          </View>
          {year.history.map((change) => (
            <View key={change.at + change.accountId} className="field__hint">
              <Text>
                {change.at.slice(0, 16).replace('T', ' ')} · {change.after.confirmed ? '确认' : '草稿'} · 放假{' '}
                {change.after.holidays.length} 天，调休上班 {change.after.workdays.length} 天
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  );
}
