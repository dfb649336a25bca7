/**
 * The stable error catalogue of the HTTP contract. Codes never change once published;
 * messages are what a patient reads, so they are plain Chinese.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求格式不正确，请使用 JSON' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNKNOWN_QUERY_PARAMETER: { status: 400, message: '请求包含不支持的查询参数' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '未找到相关内容' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方法' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一请求编号已用于不同的内容' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍候' },
  WECHAT_LOGIN_FAILED: { status: 401, message: '微信登录失败，请重试' },
  INVITE_INVALID: { status: 400, message: '邀请码无效或已被使用' },
  IDENTITY_ALREADY_REGISTERED: {
    status: 409,
    message: '该证件已被其他微信账号登记为就诊人，请携带证件到医院服务台办理',
  },
  PATIENT_LIMIT_REACHED: { status: 409, message: '每个账号最多添加 5 位就诊人' },
  PATIENT_HAS_ACTIVE_APPOINTMENTS: { status: 409, message: '该就诊人还有未完成的预约，暂不能删除' },
  SLOT_FULL: { status: 409, message: '该时段号源已满' },
  DUPLICATE_BOOKING: { status: 409, message: '同一就诊人在同一出诊单元只能预约一个号' },
  BOOKING_LIMIT_REACHED: { status: 409, message: '预约数量已达上限' },
  BOOKING_NOT_OPEN: { status: 409, message: '该号源尚未开放预约' },
  BOOKING_CLOSED: { status: 409, message: '该号源已停止预约' },
  BOOKING_BLOCKED_NO_SHOW: { status: 409, message: '因多次爽约，暂停网上预约' },
  SESSION_SUSPENDED: { status: 409, message: '该出诊单元已停诊' },
  APPOINTMENT_NOT_CANCELLABLE: { status: 409, message: '该预约当前状态不能取消' },
  APPOINTMENT_STATUS_CONFLICT: { status: 409, message: '该预约状态已变化，请刷新后重试' },
  CONCURRENT_MODIFICATION: { status: 409, message: '信息已被修改，请刷新后重试' },
  BOOKING_CONTENDED: { status: 409, message: '当前预约人数较多，请稍后重试' },
  INTERNAL_ERROR: { status: 500, message: '系统繁忙，请稍后再试' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** A failure the client can act on; the HTTP layer turns it into `{ error: { code, message, details } }`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { message?: string; details?: Record<string, unknown> } = {}) {
    super(options.message ?? ERROR_CATALOGUE[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

/** The wire shape of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
