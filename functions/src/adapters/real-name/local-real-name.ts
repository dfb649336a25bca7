import type { RealNameCheck, RealNameVerifier } from '../../ports/real-name-verifier';

/**
 * The published list the local verifier refuses (docs/real-name.md, README "Try the demo"): each
 * fictional number with the one name that does not match it. Every other well-formed pair matches, so
 * demos and tests can add any profile, and these pairs show the refusal.
 */
export const LOCAL_REAL_NAME_MISMATCHES: ReadonlyArray<{ idNumber: string; name: string }> = [
  { idNumber: '110101199003071110', name: '王错名' },
  { idNumber: '110101198511122223', name: '李不符' },
  { idNumber: '310104197205203334', name: '张冒名' },
];

/** Numbers the local verifier has no record of, whatever the name: they wait for the desk. */
export const LOCAL_REAL_NAME_NO_RECORD: readonly string[] = ['440305199901014444'];

/** The stage `local` verifier: deterministic, no network. */
export function createLocalRealNameVerifier(): RealNameVerifier {
  return {
    check(name, idNumber): Promise<RealNameCheck> {
      if (LOCAL_REAL_NAME_NO_RECORD.includes(idNumber)) return Promise.resolve('no_record');
      const refused = LOCAL_REAL_NAME_MISMATCHES.some((m) => m.idNumber === idNumber && m.name === name);
      return Promise.resolve(refused ? 'mismatch' : 'match');
    },
  };
}
