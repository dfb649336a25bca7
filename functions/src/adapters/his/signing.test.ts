import { hisNonce, hisSignature, verifyHisSignature } from './signing';

const KEY = 'k'.repeat(40);
const NOW = new Date('2025-10-13T01:00:00Z');
const ts = String(NOW.getTime() / 1000);

function signed(body = '{"a":1}', timestamp = ts) {
  const nonce = hisNonce();
  return {
    method: 'POST',
    path: '/his/v1/payments',
    body,
    timestamp,
    nonce,
    signature: hisSignature(KEY, 'POST', '/his/v1/payments', timestamp, nonce, body),
  };
}

describe('HIS request signatures', () => {
  it('accepts a request signed with the shared key', () => {
    expect(verifyHisSignature(KEY, signed(), NOW)).toBe('ok');
  });

  it('refuses a changed body, another key, and missing headers', () => {
    expect(verifyHisSignature(KEY, { ...signed(), body: '{"a":2}' }, NOW)).toBe('bad_signature');
    expect(verifyHisSignature('x'.repeat(40), signed(), NOW)).toBe('bad_signature');
    expect(verifyHisSignature(KEY, { ...signed(), signature: undefined }, NOW)).toBe('missing');
  });

  it('refuses a timestamp more than five minutes away either side', () => {
    expect(verifyHisSignature(KEY, signed('{}', String(Number(ts) - 301)), NOW)).toBe('stale');
    expect(verifyHisSignature(KEY, signed('{}', String(Number(ts) + 301)), NOW)).toBe('stale');
    expect(verifyHisSignature(KEY, signed('{}', String(Number(ts) - 299)), NOW)).toBe('ok');
  });
});
