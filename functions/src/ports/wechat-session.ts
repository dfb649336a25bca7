/** WeChat's code2Session: a `wx.login` code becomes the user's openid. The session key stays server-side. */
export interface WechatSessionPort {
  /** Throws `DomainError('WECHAT_LOGIN_FAILED')` when WeChat refuses the code. */
  exchange(code: string): Promise<{ openid: string; unionid?: string }>;
}
