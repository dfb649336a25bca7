import { DomainError } from '../../errors';
import { assertCheckInOpen, checkInState, checkInWindow } from './check-in-window';

const at = (iso: string) => new Date(`${iso}+08:00`);
const START = at('2026-03-10T08:20:00');
const END = at('2026-03-10T08:40:00');

describe('checkInWindow', () => {
  it('opens 30 minutes before the slot and closes when the slot ends', () => {
    expect(checkInWindow(START, END)).toEqual({
      opensAt: at('2026-03-10T07:50:00'),
      closesAt: END,
    });
  });
});

describe('checkInState', () => {
  it.each([
    ['2026-03-10T07:49:59.999', 'not_open'],
    ['2026-03-10T07:50:00', 'open'],
    ['2026-03-10T08:20:00', 'open'],
    ['2026-03-10T08:39:59.999', 'open'],
    ['2026-03-10T08:40:00', 'closed'],
    ['2026-03-11T08:00:00', 'closed'],
  ])('at %s is %s', (now, state) => {
    expect(checkInState(START, END, at(now))).toBe(state);
  });
});

describe('assertCheckInOpen', () => {
  it('names the opening time when too early', () => {
    // Act
    const attempt = () => assertCheckInOpen(START, END, at('2026-03-10T07:00:00'));
    // Assess
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow('07:50');
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('CHECK_IN_NOT_OPEN');
      expect((error as DomainError).details).toEqual({
        opensAt: '2026-03-10T07:50:00.000+08:00',
        closesAt: '2026-03-10T08:40:00.000+08:00',
      });
    }
  });

  it('refuses at the end of the slot with CHECK_IN_CLOSED and passes inside', () => {
    expect(() => assertCheckInOpen(START, END, at('2026-03-10T08:40:00'))).toThrow(
      expect.objectContaining({ code: 'CHECK_IN_CLOSED' }),
    );
    expect(() => assertCheckInOpen(START, END, at('2026-03-10T07:50:00'))).not.toThrow();
  });
});
