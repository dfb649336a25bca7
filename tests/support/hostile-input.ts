import fc from 'fast-check';
import { z } from 'zod';

/**
 * Inputs a careless or hostile client sends: impossible and malformed dates, repeated parameters (API
 * Gateway joins them with commas), %-escapes, control characters, lone surrogates, blanks, numbers as
 * text and arbitrary unicode. Shared by the parse-stage property test and the HTTP one.
 */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u3000',
  'x',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '9999-99-99',
  '2026-2-3',
  '2026-03-01,2026-03-02',
  '2026-03-01T08:00:00+08:00',
  '2026-03-01T25:61:00+08:00',
  'a,b',
  '%',
  '%E4%B8',
  '%zz',
  '%00',
  '\u0000',
  'a\u0007b',
  '\n',
  '\r\n',
  '\ud800',
  'x\udfff',
  '\udfff\ud800',
  '\ufeff',
  '💉',
  '\u0301',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'x'.repeat(300),
  '挂'.repeat(200),
];

/** Any string, with the nasty ones above much more likely than chance would make them. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...NASTY_STRINGS), { minLength: 2, maxLength: 3 })
        .map((parts) => parts.join(',')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.integer({ min: -1, max: 10000 }),
          fc.integer({ min: -1, max: 14 }),
          fc.integer({ min: -1, max: 33 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    },
  );
}

/** Any JSON value, leaves biased towards hostile strings. */
export function hostileJson(): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileString(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(hostileString(), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
}

/** The field names an object schema declares (through refinements and pipes). */
export function knownKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return knownKeys(schema.in as z.ZodType);
  return [];
}

/**
 * Values shaped like what `schema` expects (so cross-field rules are reached), with hostile strings,
 * wrong types and extra keys in the leaves. Unknown kinds of schema get any JSON value.
 */
export function hostileLike(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const anything = depth > 3 ? hostileString() : hostileJson();
  const shaped = shapedLike(schema, depth);
  return shaped ? fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anything }) : anything;
}

function shapedLike(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> | undefined {
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, hostileLike(v, depth + 1)]));
    return fc
      .tuple(
        fc.record(fields, { requiredKeys: [] }),
        fc.option(fc.dictionary(hostileString(), hostileString(), { maxKeys: 1 }), { nil: undefined }),
      )
      .map(([known, extra]) => ({ ...extra, ...known }));
  }
  if (schema instanceof z.ZodPipe) return shapedLike(schema.in as z.ZodType, depth);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return hostileLike(schema.unwrap() as z.ZodType, depth);
  if (schema instanceof z.ZodArray)
    return fc.array(hostileLike(schema.element as z.ZodType, depth + 1), { maxLength: 4 });
  if (schema instanceof z.ZodEnum)
    return fc.oneof(fc.constantFrom(...(schema.options as (string | number)[])), hostileString());
  if (schema instanceof z.ZodLiteral)
    return fc.oneof(fc.constantFrom(...([...schema.values] as unknown[])), hostileString());
  if (schema instanceof z.ZodUnion)
    return fc.oneof(...(schema.options as z.ZodType[]).map((o) => hostileLike(o, depth)));
  if (schema instanceof z.ZodNumber)
    return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double(), fc.constant(2 ** 53), hostileString());
  if (schema instanceof z.ZodBoolean) return fc.oneof(fc.boolean(), hostileString());
  if (schema instanceof z.ZodString) return hostileString();
  return undefined;
}

/**
 * A query string as API Gateway hands it over: the route's own parameters (sometimes repeated, then
 * comma-joined) and unknown ones, each with a hostile value.
 */
export function hostileQuery(schema: z.ZodType | undefined): fc.Arbitrary<Record<string, string>> {
  const keys = schema ? knownKeys(schema) : [];
  const key =
    keys.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, hostileString())
      : hostileString();
  return fc.array(fc.tuple(key, hostileString()), { maxLength: 5 }).map((pairs) => {
    const query: Record<string, string> = {};
    for (const [k, v] of pairs) query[k] = k in query ? `${query[k]},${v}` : v;
    return query;
  });
}
