import Taro from '@tarojs/taro';

/** The booking's choices so far, carried page to page in the URL so a reload keeps them. */
export interface BookingChoice {
  departmentId: string;
  date?: string;
  sessionId?: string;
  slotId?: string;
  patientId?: string;
  /** `waitlist`: the patient step joins the session's 候补 queue instead of booking a slot. */
  mode?: 'waitlist';
}

function toQuery(params: object): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** 预约挂号: the department list. */
export function openDepartments(): void {
  void Taro.navigateTo({ url: '/pages/departments/index' });
}

/** The doctor × day grid of one department. */
export function openSchedule(departmentId: string): void {
  void Taro.navigateTo({ url: `/pages/schedule/index?${toQuery({ departmentId })}` });
}

export function openSlots(
  choice: Required<Pick<BookingChoice, 'departmentId' | 'date' | 'sessionId'>>,
): void {
  void Taro.navigateTo({ url: `/pages/slots/index?${toQuery(choice)}` });
}

export function openPatientChoice(choice: BookingChoice): void {
  void Taro.navigateTo({ url: `/pages/booking-patient/index?${toQuery(choice)}` });
}

export function openConfirm(choice: BookingChoice): void {
  void Taro.navigateTo({ url: `/pages/booking-confirm/index?${toQuery(choice)}` });
}

/** The booked appointment; after booking it replaces the confirm page so 返回 cannot book twice. */
export function openAppointment(id: string, options: { justBooked?: boolean } = {}): void {
  const url = `/pages/appointment-detail/index?${toQuery({ id, booked: options.justBooked ? '1' : undefined })}`;
  void (options.justBooked ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
}

/** 我的预约. */
export function openAppointments(): void {
  void Taro.navigateTo({ url: '/pages/appointments/index' });
}

/** 消息中心. */
export function openMessages(): void {
  void Taro.navigateTo({ url: '/pages/messages/index' });
}

/** 添加就诊人, from inside the booking. */
export function openAddPatient(): void {
  void Taro.navigateTo({ url: '/pages/patient-form/index' });
}

/** 我的候补. */
export function openWaitlist(): void {
  void Taro.navigateTo({ url: '/pages/waitlist/index' });
}
