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
  PAYMENT_NOT_REQUIRED: { status: 409, message: '该预约无需支付' },
  APPOINTMENT_NOT_PAYABLE: { status: 409, message: '该预约当前状态不能支付' },
  PAYMENT_HOLD_EXPIRED: { status: 409, message: '支付时限已过，号源已释放，请重新预约' },
  PAYMENT_ALREADY_PAID: { status: 409, message: '该订单已支付，请勿重复支付' },
  PAYMENT_PROVIDER_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后重试' },
  PAYER_UNKNOWN: { status: 409, message: '无法确认付款人的微信身份，请退出后重新登录' },
  PAYMENT_NOT_REFUNDABLE: { status: 409, message: '该支付当前状态不能退款' },
  REFUND_AMOUNT_EXCEEDED: { status: 409, message: '退款金额超过可退金额' },
  WAITLIST_NOT_NEEDED: { status: 409, message: '该出诊单元还有号源，请直接预约' },
  ALREADY_ON_WAITLIST: { status: 409, message: '该就诊人已在此出诊单元的候补队列中' },
  WAITLIST_NOT_WAITING: { status: 409, message: '该候补已不在排队中' },
  WAITLIST_OFFER_EXPIRED: { status: 409, message: '候补号源的确认时间已过，号源已让给下一位' },
  CHECK_IN_NOT_OPEN: { status: 409, message: '还未到签到时间，请在就诊时段开始前 30 分钟内签到' },
  CHECK_IN_CLOSED: { status: 409, message: '就诊时段已结束，不能签到' },
  CHECK_IN_CODE_INVALID: { status: 400, message: '签到码无效或已过期，请让患者刷新签到码' },
  APPOINTMENT_NOT_CHECKABLE: { status: 409, message: '该预约当前状态不能签到' },
  CHECK_IN_IDENTITY_MISMATCH: {
    status: 409,
    message: '出示的证件与预约就诊人不一致，该预约已作废，请本人持证件重新预约',
  },
  SESSION_ENDED: { status: 409, message: '该出诊单元已结束' },
  SUSPENSION_OFFER_CLOSED: { status: 409, message: '停诊安排已确定，不能再更改' },
  SUSPENSION_CHOICE_UNAVAILABLE: { status: 409, message: '该安排已不可选，请选择其他安排' },
  EXTRA_NUMBER_LIMIT_REACHED: { status: 409, message: '本出诊单元加号已达上限' },
  PATIENT_NOT_REGISTERED: {
    status: 404,
    message: '未找到使用该证件登记的就诊人，请患者先在小程序中添加就诊人',
  },
  CLINIC_BOOKING_KIND_MISMATCH: { status: 409, message: '预约类型与所选号源不符' },
  BILL_ITEM_NOT_FOUND: { status: 404, message: '未找到所选的缴费项目，请刷新后重试' },
  BILL_NOTHING_TO_PAY: { status: 409, message: '没有待缴费的项目' },
  BILL_ITEM_ALREADY_PAID: { status: 409, message: '所选项目已缴费，请勿重复支付' },
  BILL_ITEM_PAYMENT_PENDING: { status: 409, message: '所选项目正在另一笔支付中，请完成该支付或稍后重试' },
  BILL_TOTAL_MISMATCH: { status: 409, message: '账单金额核对不一致，请到收费窗口办理' },
  BILL_ITEM_NOT_REFUNDABLE: { status: 409, message: '所选项目不属于该笔支付或已退费' },
  BILL_ITEM_EXECUTED: { status: 409, message: '所选项目已执行（已检查、已取药或已治疗），不能退费' },
  HIS_UNAVAILABLE: { status: 503, message: '医院收费系统暂时不可用，请稍后重试' },
  BILL_REFUND_BY_ITEMS: {
    status: 409,
    message: '门诊缴费须按项目退费（由患者申请或在收费窗口办理），以便同步医院收费系统',
  },
  PATIENT_HAS_ACTIVE_BOOKINGS: {
    status: 409,
    message: '该就诊人还有未完成的预约或候补，请先取消后再删除',
  },
  SESSION_REVOKED: { status: 401, message: '登录状态已失效，请重新登录' },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已被停用，如有疑问请联系医院管理员' },
  CANNOT_CHANGE_OWN_ACCOUNT: { status: 409, message: '不能停用自己的账号或更改自己的角色' },
  LAST_ADMIN: { status: 409, message: '至少须保留一位启用中的管理员' },
  APPOINTMENT_NOT_VOIDED: { status: 409, message: '该预约未被作废，无需撤销' },
  VOID_ALREADY_UNDONE: { status: 409, message: '该预约的作废已撤销，请勿重复操作' },
  VOID_UNDO_NUMBER_TAKEN: {
    status: 409,
    message: '作废后释放的号源已被他人预约，无法撤销作废，请为患者另行挂号',
  },
  REAL_NAME_MISMATCH: {
    status: 422,
    message: '姓名与证件号码不一致，请填写证件上的姓名（须与证件完全一致）',
  },
  IDENTITY_ADD_LIMIT_REACHED: {
    status: 429,
    message: '今天添加就诊人的次数已达上限，请明天再试，或携带证件到医院服务台办理',
  },
  PATIENT_NOT_VERIFIED: {
    status: 409,
    message: '该证件登记的就诊人尚未通过实名核验，请患者携带证件到门诊服务台核验后再预约',
  },
  PATIENT_IDENTITY_REVOKED: {
    status: 409,
    message: '该就诊人的证件已由证件本人实名登记或经服务台解除，此就诊人已失效，请删除',
  },
  PATIENT_NAME_LOCKED: {
    status: 409,
    message: '已实名核验的姓名不能修改；如姓名有误，请删除后重新添加',
  },
  IDENTITY_CLAIM_NOT_FOUND: { status: 404, message: '没有就诊人使用该证件登记' },
  IDENTITY_CLAIM_CHANGED: { status: 409, message: '该证件的登记已变化，请重新查询后再操作' },
  CALENDAR_DATE_OUTSIDE_YEAR: { status: 400, message: '所填日期不在该年份内' },
  CALENDAR_DAY_BOTH_OFF_AND_ON: { status: 400, message: '同一天不能既是放假日又是调休上班日' },
  CALENDAR_WORKDAY_NOT_WEEKEND: { status: 400, message: '调休上班日应为周六或周日' },
  CALENDAR_FIXED_HOLIDAY_MISSING: {
    status: 400,
    message: '确认的安排须包含法定固定假日（1月1日、5月1–2日、10月1–3日）',
  },
  INTERNAL_ERROR: { status: 500, message: '系统繁忙，请稍后再试' },
  MALFORMED_PATH: { status: 400, message: '请求地址包含无效的编码' },
  PAYMENT_ISSUE_NOT_FOUND: { status: 404, message: '未找到该支付异常' },
  PAYMENT_ISSUE_NOT_REFUNDABLE: { status: 409, message: '只有金额不符且尚未处理的支付异常可以在此退款' },
  PAYMENT_ISSUE_ALREADY_RESOLVED: { status: 409, message: '该支付异常已处理（已退款），不能重复退款' },
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
