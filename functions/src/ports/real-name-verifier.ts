/**
 * What a two-factor real-name service (实名核验: 姓名 + 证件号) answers about one pair: the name is the
 * one registered for the number, it is not, the number has no record there (a new card, some residence
 * permits), or the service could not say (down, timed out, refused our credentials, unknown answer). Only resident-ID-shaped numbers (居民身份证, 港澳台居民居住证) can be checked this way;
 * the use case decides which documents to send.
 */
export type RealNameCheck = 'match' | 'mismatch' | 'no_record' | 'unavailable';

export interface RealNameVerifier {
  /** Never throws for the service's own failures: those are `unavailable`. */
  check(name: string, idNumber: string): Promise<RealNameCheck>;
}
