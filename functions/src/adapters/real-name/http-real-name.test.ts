import {
  startFakeRealNameServer,
  type FakeRealNameServer,
} from '../../local/fake-real-name/fake-real-name-server';
import { createHttpRealNameVerifier } from './http-real-name';
import {
  createLocalRealNameVerifier,
  LOCAL_REAL_NAME_MISMATCHES,
  LOCAL_REAL_NAME_NO_RECORD,
} from './local-real-name';

const APP_CODE = 'unit-appcode-0123456789abcdef';
const NUMBER = '110101199003071110';
let service: FakeRealNameServer;

beforeAll(async () => {
  service = await startFakeRealNameServer({ appCode: APP_CODE });
  service.register(NUMBER, '王真名');
});
afterAll(() => service.stop());
afterEach(() => {
  service.setDown(false);
  service.setDelay(0);
});

const verifier = (overrides: { appCode?: string; timeoutMs?: number; baseUrl?: string } = {}) =>
  createHttpRealNameVerifier({
    baseUrl: overrides.baseUrl ?? service.url,
    appCode: () => Promise.resolve(overrides.appCode ?? APP_CODE),
    timeoutMs: overrides.timeoutMs ?? 1000,
  });

describe('the HTTP real-name adapter against a local fake service', () => {
  it('answers match, mismatch and no record as the service does', async () => {
    // Act
    const answers = await Promise.all([
      verifier().check('王真名', NUMBER),
      verifier().check('王假名', NUMBER),
      verifier().check('王真名', '110101198511122223'),
    ]);
    // Assess
    expect(answers).toEqual(['match', 'mismatch', 'no_record']);
    expect(service.requests).toContain(NUMBER);
  });

  it('a down service, a timeout, refused credentials, no server and a failing credential read are all unavailable', async () => {
    service.setDown(true);
    expect(await verifier().check('王真名', NUMBER)).toBe('unavailable');
    service.setDown(false);
    service.setDelay(300);
    expect(await verifier({ timeoutMs: 100 }).check('王真名', NUMBER)).toBe('unavailable');
    service.setDelay(0);
    expect(await verifier({ appCode: 'wrong-appcode-0123456789' }).check('王真名', NUMBER)).toBe(
      'unavailable',
    );
    expect(await verifier({ baseUrl: 'http://127.0.0.1:9' }).check('王真名', NUMBER)).toBe('unavailable');
    const broken = createHttpRealNameVerifier({
      baseUrl: service.url,
      appCode: () => Promise.reject(new Error('SSM down')),
    });
    expect(await broken.check('王真名', NUMBER)).toBe('unavailable');
  });
});

describe('the local real-name verifier', () => {
  it('refuses exactly its published pairs and has no record of its published numbers', async () => {
    const local = createLocalRealNameVerifier();
    for (const pair of LOCAL_REAL_NAME_MISMATCHES) {
      expect(await local.check(pair.name, pair.idNumber)).toBe('mismatch');
      expect(await local.check('任何人', pair.idNumber)).toBe('match');
    }
    for (const number of LOCAL_REAL_NAME_NO_RECORD)
      expect(await local.check('任何人', number)).toBe('no_record');
  });
});
