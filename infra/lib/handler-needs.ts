import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, handlerEntry } from './paths';

/** The outside systems a handler may call, each with its own secrets and grants. */
export interface HandlerNeeds {
  /** WeChat Pay: orders, closes, refunds, notifications. */
  paymentGateway: boolean;
  /** The hospital information system: bills and their paid/refunded write-back. */
  his: boolean;
  /** The two-factor real-name service: adding a profile and the re-check schedule. */
  realName: boolean;
}

const FUNCTIONS_SRC = path.join(REPO_ROOT, 'functions', 'src');

/**
 * Wires every adapter for every handler, so following it would mark every handler as needing
 * everything: what a handler needs is what it (and the use cases it imports) actually call.
 */
const COMPOSITION = path.join(FUNCTIONS_SRC, 'composition.ts');

/**
 * A handler gets the gateway only through `paymentPortsOf(deps)` or `holdOrderCloser(deps, now)`
 * (handlers/payment-ports.ts; the second closes a released hold's WeChat order) or
 * `deps.paymentGateway()`; use cases receive it as a port and never build it. Looked for in the
 * handler file itself, because payment-ports.ts also exports the staff roles the listings import.
 */
const GATEWAY_CALL = /(?<!function\s+)\b(?:paymentPortsOf|holdOrderCloser)\(|\.paymentGateway\(/;

/** A call on the HIS port (`ports.his.listOrders(…)`, `deps.his.markPaid(…)`), in any module reached. */
const HIS_CALL = /\.his\.\w+\(/;

/** The real-name verifier handed to a use case (`ports.realName`, `deps.realName`), in any module reached. */
const REAL_NAME_USE = /\b(?:ports|deps)\.realName\b/;

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g;

function resolveModule(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(
    (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
  );
}

const sources = new Map<string, string>();
function sourceOf(file: string): string {
  let source = sources.get(file);
  if (source === undefined) {
    source = readFileSync(file, 'utf8');
    sources.set(file, source);
  }
  return source;
}

/** The handler file and every module of functions/src it imports, transitively, short of composition. */
function reachableModules(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const match of sourceOf(file).matchAll(IMPORT)) {
      const target = match[1] === undefined ? undefined : resolveModule(file, match[1]);
      if (!target || target === COMPOSITION || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return [...seen];
}

/**
 * What `handler` needs, read from its source so a new handler gets the right environment and grants
 * without anyone listing it. Errs towards granting: a module reached is assumed to be called.
 */
export function handlerNeeds(handler: string): HandlerNeeds {
  const entry = handlerEntry(handler);
  return {
    paymentGateway: GATEWAY_CALL.test(sourceOf(entry)),
    his: reachableModules(entry).some((file) => HIS_CALL.test(sourceOf(file))),
    realName: reachableModules(entry).some((file) => REAL_NAME_USE.test(sourceOf(file))),
  };
}
