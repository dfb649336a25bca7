import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Stage } from '../../functions/src/config';

/** The environment every function reads (`functions/src/config.ts`), plus stage-wide extras. */
export function functionEnvironment(
  stage: Stage,
  table: ITableV2,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...extra,
    JIUYI_STAGE: stage,
    JIUYI_TABLE_NAME: table.tableName,
    POWERTOOLS_SERVICE_NAME: 'jiuyi',
  };
}
