import type { AppConfig } from '../../config';
import { HisError, type HisPort } from '../../ports/his';
import { ssmSecret } from '../aws/ssm-secret';
import type { Table } from '../dynamodb/table';
import { createHttpHis } from './http-his';
import { createLocalHis } from './local-his';

/**
 * Without a configured HIS, `prod` must not invent bills: every call fails as "unavailable", which
 * the bill endpoints answer with 503, and nothing else in the app is affected.
 */
const unconfiguredHis: HisPort = {
  listOrders: () => Promise.reject(new HisError('UNAVAILABLE', 'HIS 未配置')),
  markPaid: () => Promise.reject(new HisError('UNAVAILABLE', 'HIS 未配置')),
  markRefunded: () => Promise.reject(new HisError('UNAVAILABLE', 'HIS 未配置')),
  executedItems: () => Promise.reject(new HisError('UNAVAILABLE', 'HIS 未配置')),
};

/** The HIS from configuration: the hospital's over HTTP when a URL is set, else the demo HIS in `local`. */
export function buildHis(cfg: AppConfig, table: Table): HisPort {
  const { his } = cfg;
  if (his.baseUrl) {
    const inline = his.signingKey;
    const signingKey = his.signingKeyParam
      ? ssmSecret(cfg.region, his.signingKeyParam)
      : () => (inline ? Promise.resolve(inline) : Promise.reject(new Error('HIS key missing')));
    return createHttpHis({ baseUrl: his.baseUrl, signingKey, timeoutMs: his.timeoutMs });
  }
  return cfg.stage === 'local' ? createLocalHis(table) : unconfiguredHis;
}
