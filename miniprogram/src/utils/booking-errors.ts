import { ApiError } from '../api/client';

/** What the patient can do next for each booking conflict; the server's message says what happened. */
const NEXT_STEP: Partial<Record<string, string>> = {
  SLOT_FULL: '该时段刚刚被约满，请返回选择其他时段或其他医生。',
  DUPLICATE_BOOKING: '同一就诊人在同一医生的同一个半天只能预约一个号，可在“我的预约”中查看。',
  BOOKING_LIMIT_REACHED: '每位就诊人每天最多 3 个有效预约，每个账号最多 10 个；可先取消不再需要的预约。',
  BOOKING_NOT_OPEN: '号源每天 08:00 放出第 7 天的号，请到放号时间后再预约。',
  BOOKING_CLOSED: '当天上午 11:30、下午专家 15:30、普通门诊 16:30 停止网上预约，可到医院窗口挂号。',
  BOOKING_BLOCKED_NO_SHOW: '如有疑问，请到医院门诊服务中心咨询。',
  BOOKING_CONTENDED: '请稍等几秒后再点一次“确认预约”。',
  NETWORK_ERROR: '请检查网络后再点一次“确认预约”，不会重复挂号。',
};

export interface BookingFailure {
  code: string;
  message: string;
  nextStep?: string;
}

/** Turns a failed booking into a message and a next step a patient can act on. */
export function describeBookingFailure(error: unknown): BookingFailure {
  const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN_ERROR', 0);
  return { code: apiError.code, message: apiError.message, nextStep: NEXT_STEP[apiError.code] };
}

/** Whether trying the same confirm again could succeed (so the same Idempotency-Key is reused). */
export function isRetryable(code: string): boolean {
  return ['NETWORK_ERROR', 'BOOKING_CONTENDED', 'INTERNAL_ERROR', 'UNKNOWN_ERROR'].includes(code);
}
