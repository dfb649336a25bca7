import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { memoizeSuccess } from '../cache/memoize-success';

/** Reads one parameter's value (undefined when the parameter has none). */
export type ParameterReader = (name: string) => Promise<string | undefined>;

/** SSM GetParameter with decryption, for SecureString parameters. */
export function ssmParameterReader(region: string): ParameterReader {
  const client = new SSMClient({ region });
  return async (name) => {
    const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    return out.Parameter?.Value;
  };
}

/**
 * A secret read once and kept in memory; a failed or empty read is not kept, so the next call reads
 * again instead of failing until the function is recycled.
 */
export function cachedSecret(name: string, read: ParameterReader): () => Promise<string> {
  return memoizeSuccess(async () => {
    const value = await read(name);
    if (!value) throw new Error(`SSM parameter ${name} is empty`);
    return value;
  });
}

/** Reads a SecureString parameter once per warm function (retried after a failure). */
export function ssmSecret(region: string, name: string): () => Promise<string> {
  return cachedSecret(name, ssmParameterReader(region));
}
