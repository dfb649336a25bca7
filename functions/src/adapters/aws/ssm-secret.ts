import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/** Reads a SecureString parameter once per cold start and keeps it in memory. */
export function ssmSecret(region: string, name: string): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= new SSMClient({ region })
      .send(new GetParameterCommand({ Name: name, WithDecryption: true }))
      .then((out) => {
        if (!out.Parameter?.Value) throw new Error(`SSM parameter ${name} is empty`);
        return out.Parameter.Value;
      });
    return value;
  };
}
