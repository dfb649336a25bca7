import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per process; each request appends its `requestId`. */
export const logger = new Logger({ serviceName: 'jiuyi' });
