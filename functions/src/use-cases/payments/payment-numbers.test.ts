import { compactId, expandId } from './payment-numbers';

describe('order and refund numbers', () => {
  it('a UUID and its 32-character WeChat number convert both ways', () => {
    const id = '9f1c2d3e-4b5a-4c6d-8e7f-0123456789ab';
    expect(compactId(id)).toBe('9f1c2d3e4b5a4c6d8e7f0123456789ab');
    expect(expandId(compactId(id))).toBe(id);
  });

  it('a number that is not one of ours maps to nothing', () => {
    expect(expandId('ORDER-123')).toBeUndefined();
    expect(expandId('9F1C2D3E4B5A4C6D8E7F0123456789AB')).toBeUndefined();
  });
});
