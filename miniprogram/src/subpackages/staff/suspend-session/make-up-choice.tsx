import { Text } from '@tarojs/components';
import { MAX_SESSION_RANGE_DAYS, addDays, sessionEndsAt } from '@jiuyi/shared';
import type { SessionView } from '@jiuyi/shared';
import { listSessions } from '../../../api/booking-api';
import { FormField } from '../../../components/form-field';
import { OptionList } from '../../../components/option-list';
import { LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, monthDay, weekdayOf } from '../../../utils/booking-format';

/** Chosen when staff leave it to the server: the doctor's next open session. */
export const DEFAULT_MAKE_UP = 'default';

/** The same doctor's later open sessions in the next two weeks: where displaced patients may move. */
async function makeUpCandidates(session: SessionView): Promise<SessionView[]> {
  const to = addDays(session.date, MAX_SESSION_RANGE_DAYS - 1);
  const sessions = await listSessions(session.departmentId, session.date, to);
  const now = Date.now();
  return sessions.filter(
    (s) =>
      s.id !== session.id &&
      s.doctor.id === session.doctor.id &&
      s.status === 'open' &&
      sessionEndsAt(s.date, s.period).getTime() > now,
  );
}

interface MakeUpChoiceProps {
  step: number;
  session: SessionView;
  value: string;
  onChange: (value: string) => void;
}

/** 补诊安排: which of the doctor's later sessions the displaced patients are offered (optional). */
export function MakeUpChoice({ step, session, value, onChange }: MakeUpChoiceProps) {
  const candidates = useAsync(() => makeUpCandidates(session), [session.id]);
  const options = [
    { value: DEFAULT_MAKE_UP, label: '系统安排（该医生下一次出诊）' },
    ...(candidates.status === 'success'
      ? candidates.data.map((s) => ({
          value: s.id,
          label: `${monthDay(s.date)}（${weekdayOf(s.date)}）${PERIOD_LABELS[s.period]}`,
        }))
      : []),
  ];
  return (
    <FormField
      step={step}
      label="补诊出诊（可选）"
      hint="患者可选择改到这次出诊就诊"
      errorTestId="error-make-up"
    >
      {candidates.status === 'loading' ? <LoadingView text="正在查找该医生的其他出诊…" /> : null}
      {candidates.status === 'error' ? <Text className="field__hint">{candidates.error.message}</Text> : null}
      <OptionList options={options} value={value} testIdPrefix="make-up" onChange={onChange} />
    </FormField>
  );
}
