import {
  availableSuspensionChoices,
  defaultSuspensionChoice,
  isSameOrMoreSenior,
  rankSubstituteSlots,
  suspensionOfferDeadline,
  type SubstituteCandidate,
} from './suspension';

const at = (iso: string) => new Date(`${iso}+08:00`);

const candidate = (overrides: Partial<SubstituteCandidate>): SubstituteCandidate => ({
  slotId: 's',
  sessionId: 'x',
  doctorId: 'doc-b',
  doctorTitle: 'attending_physician',
  start: '2025-10-20T08:00:00.000+08:00',
  remaining: 1,
  ...overrides,
});

describe('isSameOrMoreSenior', () => {
  it('accepts the same title and any more senior one, never a junior one', () => {
    expect(isSameOrMoreSenior('attending_physician', 'attending_physician')).toBe(true);
    expect(isSameOrMoreSenior('chief_physician', 'attending_physician')).toBe(true);
    expect(isSameOrMoreSenior('resident_physician', 'attending_physician')).toBe(false);
  });
});

describe('rankSubstituteSlots', () => {
  const original = {
    doctorId: 'doc-a',
    doctorTitle: 'attending_physician' as const,
    start: '2025-10-20T08:30:00.000+08:00',
  };

  it('keeps only other doctors of the same or a more senior title with a free number', () => {
    // Prepare
    const candidates = [
      candidate({ slotId: 'same-doctor', doctorId: 'doc-a' }),
      candidate({ slotId: 'junior', doctorTitle: 'resident_physician' }),
      candidate({ slotId: 'full', remaining: 0 }),
      candidate({ slotId: 'ok' }),
    ];
    // Act / Assess
    expect(rankSubstituteSlots(original, candidates).map((c) => c.slotId)).toEqual(['ok']);
  });

  it('prefers the nearest time, then the title closest to the one booked', () => {
    // Prepare
    const candidates = [
      candidate({
        slotId: 'far-chief',
        doctorTitle: 'chief_physician',
        start: '2025-10-20T10:00:00.000+08:00',
      }),
      candidate({
        slotId: 'near-chief',
        doctorTitle: 'chief_physician',
        start: '2025-10-20T08:30:00.000+08:00',
      }),
      candidate({ slotId: 'near-same', start: '2025-10-20T08:30:00.000+08:00' }),
      candidate({ slotId: 'early-same', start: '2025-10-20T08:00:00.000+08:00' }),
    ];
    // Act
    const ranked = rankSubstituteSlots(original, candidates).map((c) => c.slotId);
    // Assess
    expect(ranked).toEqual(['near-same', 'near-chief', 'early-same', 'far-chief']);
  });
});

describe('suspensionOfferDeadline', () => {
  it('is two hours before the session when that leaves the patient time', () => {
    expect(suspensionOfferDeadline(at('2025-10-20T07:00:00'), at('2025-10-20T13:00:00'))).toEqual(
      at('2025-10-20T11:00:00'),
    );
  });
  it('gives at least 30 minutes on the day and at most a day when suspended early', () => {
    expect(suspensionOfferDeadline(at('2025-10-20T07:50:00'), at('2025-10-20T08:00:00'))).toEqual(
      at('2025-10-20T08:20:00'),
    );
    expect(suspensionOfferDeadline(at('2025-10-13T09:00:00'), at('2025-10-20T08:00:00'))).toEqual(
      at('2025-10-14T09:00:00'),
    );
  });
});

describe('choices', () => {
  it('defaults to the reserved substitute, otherwise to cancellation', () => {
    expect(defaultSuspensionChoice({ substituteReserved: true })).toBe('substitute');
    expect(defaultSuspensionChoice({ substituteReserved: false })).toBe('cancel');
  });
  it('always offers cancellation and the others only when they exist', () => {
    expect(availableSuspensionChoices({ substituteReserved: false, makeUpAvailable: false })).toEqual([
      'cancel',
    ]);
    expect(availableSuspensionChoices({ substituteReserved: true, makeUpAvailable: true })).toEqual([
      'substitute',
      'makeup',
      'cancel',
    ]);
  });
});
