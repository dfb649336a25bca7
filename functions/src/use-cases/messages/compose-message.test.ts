import { composeMessage, messageIdFor } from './compose-message';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('messageIdFor', () => {
  it('is the same for the same event and differs by kind, entity or step', () => {
    // Act
    const id = messageIdFor('booking_confirmed', 'appt-1', 'created');
    // Assess
    expect(id).toMatch(UUID);
    expect(messageIdFor('booking_confirmed', 'appt-1', 'created')).toBe(id);
    expect(
      new Set([
        id,
        messageIdFor('payment_succeeded', 'appt-1', 'created'),
        messageIdFor('booking_confirmed', 'appt-2', 'created'),
        messageIdFor('booking_confirmed', 'appt-1', 'paid'),
      ]).size,
    ).toBe(4);
  });
});

describe('composeMessage', () => {
  it('always adds the in-app centre and stamps the Shanghai time', () => {
    // Act
    const message = composeMessage(
      {
        kind: 'consultation_requested',
        entityId: 'c-1',
        step: 'requested',
        recipientAccountId: 'expert-1',
        title: '新的会诊申请',
        body: '请及时审核',
        link: '/subpackages/expert/consultations/detail?id=c-1',
        channels: ['sms', 'wechat_subscribe'],
      },
      new Date('2026-03-10T06:00:00Z'),
    );
    // Assess
    expect(message.channels).toEqual(['sms', 'wechat_subscribe', 'in_app']);
    expect(message.createdAt).toBe('2026-03-10T14:00:00.000+08:00');
    expect(message.id).toBe(messageIdFor('consultation_requested', 'c-1', 'requested'));
  });

  it('refuses a link that is not a mini-program page path', () => {
    const draft = {
      kind: 'general',
      entityId: 'x',
      step: 's',
      recipientAccountId: 'a',
      title: 't',
      body: 'b',
    } as const;
    expect(() => composeMessage({ ...draft, link: 'https://evil.example/' }, new Date())).toThrow();
  });
});
