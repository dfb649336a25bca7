import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '../../functions/src/http/logger';
import { patientSchema } from '@jiuyi/shared';
import { call, devToken } from '../support/http';
import { LOCAL_REAL_NAME_MISMATCHES } from '../../functions/src/adapters/real-name/local-real-name';
import { makePatientInput, makeResidentId, withWrongCheckDigit } from '../support/identities';
import { startTestApi, type TestApi } from '../support/test-stack';

let api: TestApi;
const logLines: string[] = [];
const realWrite = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  // Capture everything the handlers log during this file, to prove no ID number or phone appears.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logLines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (realWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  logger.setLogLevel('DEBUG');
  api = await startTestApi();
});
afterAll(async () => {
  logger.setLogLevel('WARN');
  process.stdout.write = realWrite;
  await api.stop();
});

type ErrorBody = { error: { code: string; message: string; details?: { fields?: Record<string, string> } } };

describe('real-name patient profiles (就诊人)', () => {
  it('adds a profile and answers it masked, with the sex derived from the ID and nothing of the birth date', async () => {
    // Prepare
    const token = await devToken(api.url, 'p-add', 'patient');
    const input = makePatientInput(1, { idNumber: makeResidentId('210203', '19750612', '124') });
    // Act
    const res = await call(api.url, 'POST', '/v1/patients', { token, body: input });
    // Assess
    expect(res.status).toBe(201);
    const patient = patientSchema.parse(res.body);
    expect(patient.idNumberMasked).not.toContain(input.idNumber.slice(6, 14));
    expect(patient.idNumberMasked.endsWith(input.idNumber.slice(-4))).toBe(true);
    expect(patient.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(JSON.stringify(res.body)).not.toContain('1975');
    expect(patient.sex).toBe('female');
    expect(JSON.stringify(res.body)).not.toContain(input.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(input.phone);
  });

  it('the local real-name verifier refuses its published mismatching pairs and accepts the same number under another name', async () => {
    // Prepare: the first pair of LOCAL_REAL_NAME_MISMATCHES (docs/real-name.md).
    const [pair] = LOCAL_REAL_NAME_MISMATCHES;
    const token = await devToken(api.url, 'p-local-mismatch', 'patient');
    const input = makePatientInput(7, { idNumber: pair?.idNumber, name: pair?.name });
    // Act
    const refused = await call<ErrorBody>(api.url, 'POST', '/v1/patients', { token, body: input });
    const accepted = await call(api.url, 'POST', '/v1/patients', {
      token,
      body: { ...input, name: '王正名' },
    });
    // Assess
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('REAL_NAME_MISMATCH');
    expect(accepted.status).toBe(201);
    expect(patientSchema.parse(accepted.body).realNameStatus).toBe('verified');
  });

  it('refuses a wrong check digit with its own Chinese message on the idNumber field', async () => {
    const token = await devToken(api.url, 'p-check', 'patient');
    const input = makePatientInput(2);
    const res = await call<ErrorBody>(api.url, 'POST', '/v1/patients', {
      token,
      body: { ...input, idNumber: withWrongCheckDigit(input.idNumber) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details?.fields?.idNumber).toContain('校验位');
  });

  it('refuses unknown fields in the body', async () => {
    const token = await devToken(api.url, 'p-unknown', 'patient');
    const res = await call<ErrorBody>(api.url, 'POST', '/v1/patients', {
      token,
      body: { ...makePatientInput(3), vip: true },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details?.fields ?? {})).toContain('vip');
  });

  it('one identity, one patient: idempotent for the same account, 409 for another account', async () => {
    // Prepare
    const owner = await devToken(api.url, 'p-owner', 'patient');
    const stranger = await devToken(api.url, 'p-stranger', 'patient');
    const input = makePatientInput(4);
    // Act
    const first = await call(api.url, 'POST', '/v1/patients', { token: owner, body: input });
    const again = await call(api.url, 'POST', '/v1/patients', { token: owner, body: input });
    const other = await call<ErrorBody>(api.url, 'POST', '/v1/patients', {
      token: stranger,
      body: { ...input, relation: 'other' },
    });
    // Assess
    expect(first.status).toBe(201);
    expect(patientSchema.parse(again.body).id).toBe(patientSchema.parse(first.body).id);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDENTITY_ALREADY_REGISTERED');
    expect(other.body.error.message).toContain('服务台');
    const list = await call<{ items: unknown[] }>(api.url, 'GET', '/v1/patients', { token: owner });
    expect(list.body.items).toHaveLength(1);
  });

  it('a social security card and the resident ID with the same number are one identity', async () => {
    const a = await devToken(api.url, 'p-ssc-a', 'patient');
    const b = await devToken(api.url, 'p-ssc-b', 'patient');
    const input = makePatientInput(5);
    expect((await call(api.url, 'POST', '/v1/patients', { token: a, body: input })).status).toBe(201);
    const res = await call<ErrorBody>(api.url, 'POST', '/v1/patients', {
      token: b,
      body: { ...input, idType: 'social_security_card' },
    });
    expect(res.body.error.code).toBe('IDENTITY_ALREADY_REGISTERED');
  });

  it('concurrent adds of one identity by two accounts: exactly one wins', async () => {
    const tokens = await Promise.all(
      ['p-race-1', 'p-race-2', 'p-race-3'].map((o) => devToken(api.url, o, 'patient')),
    );
    const input = makePatientInput(6);
    const answers = await Promise.all(
      tokens.map((token) => call(api.url, 'POST', '/v1/patients', { token, body: input })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('at most five profiles per account, even when added concurrently', async () => {
    const token = await devToken(api.url, 'p-limit', 'patient');
    const answers = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        call<ErrorBody>(api.url, 'POST', '/v1/patients', {
          token,
          body: makePatientInput(20 + i, { relation: 'family' }),
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(
      answers.filter((r) => r.status === 409).every((r) => r.body.error.code === 'PATIENT_LIMIT_REACHED'),
    ).toBe(true);
    const list = await call<{ items: unknown[] }>(api.url, 'GET', '/v1/patients', { token });
    expect(list.body.items).toHaveLength(5);
  });

  it('edits phone and relation, deletes, and frees the identity for someone else', async () => {
    // Prepare
    const owner = await devToken(api.url, 'p-edit', 'patient');
    const other = await devToken(api.url, 'p-edit-2', 'patient');
    const input = makePatientInput(40);
    const created = patientSchema.parse(
      (await call(api.url, 'POST', '/v1/patients', { token: owner, body: input })).body,
    );
    // Act
    const patched = await call(api.url, 'PATCH', `/v1/patients/${created.id}`, {
      token: owner,
      body: { phone: '13912345678', relation: 'family' },
    });
    const badPatch = await call<ErrorBody>(api.url, 'PATCH', `/v1/patients/${created.id}`, {
      token: owner,
      body: { idNumber: input.idNumber },
    });
    const deleted = await call(api.url, 'DELETE', `/v1/patients/${created.id}`, { token: owner });
    const reAdded = await call(api.url, 'POST', '/v1/patients', { token: other, body: input });
    // Assess
    expect(patientSchema.parse(patched.body).phoneMasked).toBe('139****5678');
    expect(badPatch.status).toBe(400);
    expect(deleted.status).toBe(204);
    expect((await call(api.url, 'GET', `/v1/patients/${created.id}`, { token: owner })).status).toBe(404);
    expect(reAdded.status).toBe(201);
  });

  it('another account cannot read, edit or delete a profile: 404 with no data', async () => {
    const owner = await devToken(api.url, 'p-private', 'patient');
    const intruder = await devToken(api.url, 'p-intruder', 'patient');
    const created = patientSchema.parse(
      (await call(api.url, 'POST', '/v1/patients', { token: owner, body: makePatientInput(50) })).body,
    );
    for (const [method, body] of [['GET'], ['PATCH', { phone: '13700000000' }], ['DELETE']] as const) {
      const res = await call<ErrorBody>(api.url, method, `/v1/patients/${created.id}`, {
        token: intruder,
        body,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain(created.name);
    }
    const still = await call(api.url, 'GET', `/v1/patients/${created.id}`, { token: owner });
    expect(still.status).toBe(200);
  });

  it('neither the table nor the logs hold a plain ID number or phone', async () => {
    // Prepare
    const token = await devToken(api.url, 'p-pii', 'patient');
    const input = makePatientInput(60, { phone: '13655556666' });
    await call(api.url, 'POST', '/v1/patients', { token, body: input });
    await call(api.url, 'GET', '/v1/patients', { token });
    // Act
    const scan = await api.deps.table.doc.send(new ScanCommand({ TableName: api.deps.table.name }));
    const dump = JSON.stringify(scan.Items);
    const logs = logLines.join('');
    // Assess
    expect(scan.Items?.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [input.idNumber, input.phone]) {
      expect(dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
