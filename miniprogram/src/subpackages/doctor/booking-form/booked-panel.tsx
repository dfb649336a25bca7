import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { AppointmentView, SessionView } from '@jiuyi/shared';
import { Section } from '../../../components/section';
import { PERIOD_LABELS, clock, monthDay, weekdayOf } from '../../../utils/booking-format';

/** A session as the doctor picks it: day, half-day and who sees the patient. */
export function doctorSessionLabel(s: SessionView): string {
  return `${monthDay(s.date)}（${weekdayOf(s.date)}）${PERIOD_LABELS[s.period]} ${s.doctor.name} ${DOCTOR_TITLE_LABELS[s.doctor.title]}`;
}

/** A slot's time range, e.g. 08:00–08:30. */
export function slotTime(s: { start: string; end: string }): string {
  return `${clock(s.start)}–${clock(s.end)}`;
}

/** What was booked, read back in full so the doctor can tell the patient; the page adds its next steps. */
export function BookedPanel({
  title,
  testId,
  appointment,
  note,
  children,
}: PropsWithChildren<{ title: string; testId: string; appointment: AppointmentView; note: string }>) {
  return (
    <Section title={title}>
      <View className="banner banner--success" data-testid={testId} role="status">
        <Text>
          已为 {appointment.patientName} 预约 {appointment.department.name} {appointment.doctor.name}{' '}
          {appointment.doctor.titleLabel}，{monthDay(appointment.date)} {slotTime(appointment)}。{note}
        </Text>
      </View>
      {children}
    </Section>
  );
}
