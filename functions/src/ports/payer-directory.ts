/** Who pays: WeChat Pay's JSAPI orders need the payer's openid under our mini-program. */
export interface PayerDirectory {
  /** Undefined for an account created before openids were kept (the patient signs in again). */
  openidOf(accountId: string): Promise<string | undefined>;
}
