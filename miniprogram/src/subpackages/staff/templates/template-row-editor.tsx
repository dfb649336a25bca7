import { Input, Picker, Text, View } from '@tarojs/components';
import type { ClinicPeriod } from '@jiuyi/shared';
import { ChoiceGroup } from '../../../components/choice-group';
import type { RowErrors, TemplateRow } from './template-rows';

const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const PERIOD_OPTIONS: readonly { value: ClinicPeriod; label: string }[] = [
  { value: 'am', label: '上午' },
  { value: 'pm', label: '下午' },
];

type TextField = 'capacity' | 'slotMinutes' | 'onSiteReservePercent' | 'referralReservePercent';
const TEXT_FIELDS: readonly { field: TextField; label: string; placeholder: string }[] = [
  { field: 'capacity', label: '号源数', placeholder: '如 30' },
  { field: 'slotMinutes', label: '每时段分钟', placeholder: '默认 20' },
  { field: 'onSiteReservePercent', label: '现场号 %', placeholder: '留空用医院默认' },
  { field: 'referralReservePercent', label: '转诊号 %', placeholder: '留空用医院默认' },
];

interface TemplateRowEditorProps {
  row: TemplateRow;
  index: number;
  errors: RowErrors;
  onChange: (row: TemplateRow) => void;
  onRemove: () => void;
}

/** One weekly half-day: weekday, morning or afternoon, numbers, each with its message right under it. */
export function TemplateRowEditor({ row, index, errors, onChange, onRemove }: TemplateRowEditorProps) {
  const rowError = errors[String(index)];
  return (
    <View
      className={rowError ? 'appt-card field--invalid' : 'appt-card'}
      data-testid={`template-row-${index}`}
    >
      <View className="appt-card__head">
        <Picker
          mode="selector"
          range={WEEKDAY_LABELS}
          value={row.weekday - 1}
          onChange={(event) => onChange({ ...row, weekday: Number(event.detail.value) + 1 })}
        >
          <View className="field__picker" data-testid={`template-weekday-${index}`}>
            <Text>{WEEKDAY_LABELS[row.weekday - 1]}</Text>
            <Text className="field__picker-action">更换 ›</Text>
          </View>
        </Picker>
        <View
          className="field__picker-action"
          data-testid={`template-remove-${index}`}
          hoverClass="entry-row--pressed"
          onClick={onRemove}
        >
          <Text>删除</Text>
        </View>
      </View>
      <ChoiceGroup
        options={PERIOD_OPTIONS}
        value={row.period}
        testIdPrefix={`template-period-${index}`}
        onChange={(period) => onChange({ ...row, period })}
      />
      {rowError ? (
        <View className="field__error" role="alert" data-testid={`template-error-${index}`}>
          <Text>{rowError}</Text>
        </View>
      ) : null}
      {TEXT_FIELDS.map(({ field, label, placeholder }) => {
        const error = errors[`${index}.${field}`];
        return (
          <View key={field} className={error ? 'field field--invalid' : 'field'}>
            <Text className="field__hint">{label}</Text>
            <Input
              className="field__input"
              data-testid={`template-${field}-${index}`}
              type="number"
              value={row[field]}
              placeholder={placeholder}
              onInput={(event) => onChange({ ...row, [field]: event.detail.value })}
            />
            {error ? (
              <View className="field__error" role="alert" data-testid={`template-error-${index}-${field}`}>
                <Text>{error}</Text>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
