import { cachedSecret, type ParameterReader } from './ssm-secret';

/** A parameter store whose first `failures` reads fail (throttled, timed out), then answers `value`. */
function flakyReader(failures: number, value: string | undefined): ParameterReader & { reads: number } {
  const reader = Object.assign(
    async (name: string) => {
      reader.reads += 1;
      if (reader.reads <= failures) throw new Error(`ThrottlingException reading ${name}`);
      return value;
    },
    { reads: 0 },
  );
  return reader;
}

describe('cachedSecret: a failed SSM read does not stick', () => {
  it('a read that fails once is retried on the next call, which succeeds', async () => {
    // Prepare
    const reader = flakyReader(1, 'wechat-app-secret');
    const secret = cachedSecret('/jiuyi/wechat/secret', reader);
    // Act
    const first = secret();
    await expect(first).rejects.toThrow('ThrottlingException');
    const second = await secret();
    // Assess
    expect(second).toBe('wechat-app-secret');
    expect(reader.reads).toBe(2);
  });

  it('once read, the value is kept: later calls do not read again', async () => {
    // Prepare
    const reader = flakyReader(0, 'kept');
    const secret = cachedSecret('/jiuyi/his/key', reader);
    // Act
    const values = await Promise.all([secret(), secret(), secret()]);
    await secret();
    // Assess
    expect(values).toEqual(['kept', 'kept', 'kept']);
    expect(reader.reads).toBe(1);
  });

  it('an empty parameter is an error and is read again next time', async () => {
    // Prepare
    const reader = flakyReader(0, undefined);
    const secret = cachedSecret('/jiuyi/empty', reader);
    // Act
    await expect(secret()).rejects.toThrow('SSM parameter /jiuyi/empty is empty');
    await expect(secret()).rejects.toThrow('is empty');
    // Assess
    expect(reader.reads).toBe(2);
  });
});
