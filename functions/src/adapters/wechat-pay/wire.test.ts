import { parseWechatTime, toBeijingRfc3339, toOrderStatus } from './wire';

describe('WeChat wire formats', () => {
  it('writes time_expire as RFC 3339 in Beijing time', () => {
    // Act
    const text = toBeijingRfc3339(new Date('2025-03-01T16:30:45.900Z'));

    // Assess
    expect(text).toBe('2025-03-02T00:30:45+08:00');
    expect(parseWechatTime(text)?.toISOString()).toBe('2025-03-01T16:30:45.000Z');
  });

  it('maps a paid transaction to the port, ignoring fields it does not know', () => {
    // Act
    const status = toOrderStatus({
      mchid: '1230000109',
      out_trade_no: 'JY0001',
      transaction_id: '4200000000000000000000000001',
      trade_state: 'SUCCESS',
      success_time: '2025-03-02T00:30:45+08:00',
      amount: { total: 5000, payer_total: 4500 },
    });

    // Assess
    expect(status).toEqual({
      outTradeNo: 'JY0001',
      tradeState: 'SUCCESS',
      transactionId: '4200000000000000000000000001',
      amountFen: 5000,
      payerTotalFen: 4500,
      successTime: new Date('2025-03-01T16:30:45Z'),
    });
  });
});
