import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate, type OutboxMessage, type PaymentStatus } from '@jiuyi/shared';
import type { AppointmentRecord } from '../../ports/appointment-store';
import type {
  ConfirmOutcome,
  LedgerLine,
  PaidFacts,
  PaymentIssueRecord,
  PaymentRecord,
  PaymentStore,
  RefundRecord,
} from '../../ports/payment-store';
import { appointmentKeys, scheduleKeys } from './appointment-keys';
import { billSettleItems } from './bill-store';
import { releaseItems } from './appointment-store';
import { messageWriteItems, type TransactItem } from './outbox-store';
import { paymentKeys } from './payment-keys';
import { queryAll, queryDue } from './query-all';
import type { Table } from './table';
import { transactWithRetry } from './transact-with-retry';
import { cancellationCodes, conditionalWrite, failedCondition } from './transaction-errors';

const MAX_ATTEMPTS = 8;
const PENDING_PAYMENT: readonly PaymentStatus[] = ['created', 'paying'];

const dayOf = (iso: string) => shanghaiDate(new Date(iso));

/** The item of a payment: indexed by creation day, and pending for reconciliation while unresolved. */
function paymentItem(p: PaymentRecord): Record<string, unknown> {
  const pending = PENDING_PAYMENT.includes(p.status) && !p.issue;
  return {
    ...paymentKeys.payment(p.id),
    type: 'payment',
    gsi1pk: paymentKeys.byCreatedDate(dayOf(p.createdAt)),
    gsi1sk: `${p.createdAt}#${p.id}`,
    ...(pending
      ? { gsi2pk: paymentKeys.pendingPayments, gsi2sk: `${p.nextCheckAt ?? p.createdAt}#${p.id}` }
      : {}),
    data: pending ? p : { ...p, nextCheckAt: undefined },
  };
}

function refundItem(r: RefundRecord): Record<string, unknown> {
  const pending = r.status === 'requested' || r.status === 'processing';
  return {
    ...paymentKeys.refund(r.paymentId, r.id),
    type: 'refund',
    ...(pending
      ? {
          gsi2pk: paymentKeys.pendingRefunds,
          gsi2sk: `${r.nextCheckAt ?? r.requestedAt}#${r.paymentId}#${r.id}`,
        }
      : {}),
    data: pending ? r : { ...r, nextCheckAt: undefined },
  };
}

/** Replaces the payment, conditioned on the version read and the statuses it may move from. */
function putPayment(
  table: Table,
  next: PaymentRecord,
  prior: PaymentRecord,
  from: readonly PaymentStatus[],
): TransactItem {
  const names = from.map((_, i) => `:s${i}`);
  return {
    Put: {
      TableName: table.name,
      Item: paymentItem({ ...next, version: prior.version + 1 }),
      ConditionExpression: `#d.version = :v AND #d.#s IN (${names.join(', ')})`,
      ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
      ExpressionAttributeValues: {
        ':v': prior.version,
        ...Object.fromEntries(from.map((s, i) => [`:s${i}`, s])),
      },
    },
  };
}

function putRefund(table: Table, next: RefundRecord, from?: readonly RefundRecord['status'][]): TransactItem {
  if (!from) {
    return {
      Put: { TableName: table.name, Item: refundItem(next), ConditionExpression: 'attribute_not_exists(pk)' },
    };
  }
  return {
    Put: {
      TableName: table.name,
      Item: refundItem(next),
      ConditionExpression: `#d.#s IN (${from.map((_, i) => `:r${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
      ExpressionAttributeValues: Object.fromEntries(from.map((s, i) => [`:r${i}`, s])),
    },
  };
}

function ledgerPut(table: Table, line: LedgerLine): TransactItem {
  const key =
    line.kind === 'payment'
      ? paymentKeys.ledgerPayment(dayOf(line.at), line.at, line.paymentId)
      : paymentKeys.ledgerRefund(dayOf(line.at), line.at, line.refundId ?? '');
  return {
    Put: {
      TableName: table.name,
      Item: { ...key, type: 'ledger', data: line },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function paymentLine(
  p: PaymentRecord,
  transactionId: string,
  paidAt: string,
  amountFen = p.amountFen,
): LedgerLine {
  return {
    kind: 'payment',
    at: paidAt,
    paymentId: p.id,
    outTradeNo: p.outTradeNo,
    transactionId,
    amountFen,
    description: p.description,
  };
}

function issueItems(table: Table, issue: PaymentIssueRecord): TransactItem[] {
  return [
    {
      Put: {
        TableName: table.name,
        // The issue's time on its guard, so the issue can be read by id.
        Item: { ...paymentKeys.issueGuard(issue.id), type: 'payment_issue_guard', issueAt: issue.at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table.name,
        Item: { ...paymentKeys.issue(issue.at, issue.id), type: 'payment_issue', data: issue },
      },
    },
  ];
}

/** The audit entry of a staff refund: who, when, why, how much. */
function auditPut(table: Table, payment: PaymentRecord, refund: RefundRecord, action: string): TransactItem {
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...paymentKeys.audit(payment.id, refund.requestedAt, refund.id),
        type: 'payment_audit',
        data: {
          action,
          refundId: refund.id,
          amountFen: refund.amountFen,
          reason: refund.reason,
          actor: refund.requestedBy,
          at: refund.requestedAt,
        },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

type SendResult = { ok: true } | { ok: false; codes: string[] };

/** Sends a transaction: a failed condition is an answer; contention that outlasts the retries is thrown. */
async function send(table: Table, items: TransactItem[]): Promise<SendResult> {
  try {
    await transactWithRetry(table, items, (lastError) => lastError);
    return { ok: true };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    return { ok: false, codes };
  }
}

/** The payment once `refund` is started: its money counts as refunding until the refund settles. */
function withRefundStarted(p: PaymentRecord, refund: RefundRecord, at: string): PaymentRecord {
  return { ...p, status: 'refunding', refundingFen: p.refundingFen + refund.amountFen, updatedAt: at };
}

/** The refund's money leaves `refundingFen`; the payment's status follows what is left. */
function settleSums(p: PaymentRecord, refund: RefundRecord, succeeded: boolean, at: string): PaymentRecord {
  const refundingFen = p.refundingFen - refund.amountFen;
  const refundedFen = p.refundedFen + (succeeded ? refund.amountFen : 0);
  let status: PaymentStatus = 'paid';
  if (refundingFen > 0) status = 'refunding';
  else if (refundedFen >= (p.receivedFen ?? p.amountFen)) status = 'refunded';
  return { ...p, refundingFen, refundedFen, status, updatedAt: at };
}

/** Payments, refunds, audit entries, the settled-money ledger and staff issues in the one table. */
export function createPaymentStore(table: Table): PaymentStore {
  const getItem = async (key: Record<string, string>) =>
    (await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;

  const get = async (paymentId: string) => {
    const item = await getItem(paymentKeys.payment(paymentId));
    return item?.type === 'payment' ? (item.data as PaymentRecord) : undefined;
  };

  const getRefund = async (paymentId: string, refundId: string) => {
    const item = await getItem(paymentKeys.refund(paymentId, refundId));
    return item?.type === 'refund' ? (item.data as RefundRecord) : undefined;
  };

  const getWithRefunds = async (paymentId: string) => {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': paymentKeys.payment(paymentId).pk },
      ConsistentRead: true,
    });
    const payment = items.find((i) => i.type === 'payment')?.data as PaymentRecord | undefined;
    if (!payment) return undefined;
    const refunds = items
      .filter((i) => i.type === 'refund')
      .map((i) => i.data as RefundRecord)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    return { payment, refunds };
  };

  /** Settles a refund against a fresh read of its payment, retrying when the payment moved meanwhile. */
  async function settleRefund(
    refund: RefundRecord,
    next: RefundRecord,
    succeeded: boolean,
    extra: (payment: PaymentRecord) => TransactItem[],
  ): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const payment = await get(refund.paymentId);
      if (!payment) throw new Error(`payment ${refund.paymentId} of refund ${refund.id} not found`);
      const settled = settleSums(payment, refund, succeeded, next.updatedAt);
      const result = await send(table, [
        putRefund(table, next, ['requested', 'processing']),
        putPayment(table, settled, payment, ['refunding']),
        ...extra(settled),
      ]);
      if (result.ok) return true;
      if (result.codes[0] === 'ConditionalCheckFailed') return false;
    }
    throw new Error(`refund ${refund.id} could not be settled: its payment kept changing`);
  }

  /**
   * Marks the payment paid in one transaction with `subject` (what the money bought), the ledger line
   * and the messages; a failed condition with the same WeChat transaction id is a repeated notification.
   */
  async function confirmPaid(
    payment: PaymentRecord,
    paid: PaidFacts,
    messages: OutboxMessage[],
    subject: TransactItem[],
  ): Promise<ConfirmOutcome> {
    const next: PaymentRecord = {
      ...payment,
      status: 'paid',
      transactionId: paid.transactionId,
      paidAt: paid.paidAt,
      updatedAt: paid.at,
    };
    const result = await send(table, [
      // A closed order that WeChat still reports paid is money we hold: it must be booked or refunded.
      putPayment(table, next, payment, ['created', 'paying', 'closed']),
      ...subject,
      ledgerPut(table, paymentLine(payment, paid.transactionId, paid.paidAt)),
      ...messageWriteItems(table, messages),
    ]);
    if (result.ok) return { kind: 'booked', payment: { ...next, version: payment.version + 1 } };
    if (result.codes[0] === 'ConditionalCheckFailed') {
      const current = await get(payment.id);
      if (current?.transactionId === paid.transactionId) return { kind: 'duplicate', payment: current };
    }
    return { kind: 'subject_moved' };
  }

  return {
    get,
    getRefund,
    getWithRefunds,

    async createForSubject(payment) {
      const result = await send(table, [
        {
          Put: {
            TableName: table.name,
            Item: { ...paymentKeys.subject(payment.subject), type: 'payment_subject', paymentId: payment.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: paymentItem(payment),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      if (result.ok) return payment;
      const existing = await this.findBySubject(payment.subject);
      if (!existing) throw new Error(`payment subject guard without a payment: ${payment.id}`);
      return existing;
    },

    async findBySubject(subject) {
      const pointer = await getItem(paymentKeys.subject(subject));
      return pointer ? get(String(pointer.paymentId)) : undefined;
    },

    async markPaying(payment, prepayId, at) {
      const next: PaymentRecord = { ...payment, status: 'paying', prepayId, updatedAt: at };
      return (await send(table, [putPayment(table, next, payment, ['created'])])).ok;
    },

    async markClosed(payment, at) {
      const next: PaymentRecord = { ...payment, status: 'closed', closedAt: at, updatedAt: at };
      return (await send(table, [putPayment(table, next, payment, PENDING_PAYMENT)])).ok;
    },

    async confirmAppointmentPaid(payment, appointment, paid, messages) {
      return confirmPaid(payment, paid, messages, [
        {
          Update: {
            TableName: table.name,
            Key: appointmentKeys.appointment(appointment.accountId, appointment.id),
            UpdateExpression: 'SET #d.#s = :booked, #d.updatedAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#d.#s = :pending',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':booked': 'booked', ':pending': 'pending_payment', ':at': paid.at },
          },
        },
        {
          Update: {
            TableName: table.name,
            Key: scheduleKeys.slot(appointment.slotId),
            UpdateExpression: 'REMOVE holds.#aid',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#aid': appointment.id },
          },
        },
      ]);
    },

    async confirmBillPaid(payment, bill, paid, messages) {
      return confirmPaid(payment, paid, messages, billSettleItems(table, bill, paid.at));
    },

    async confirmPaidForRefund(payment, paid, refund, messages) {
      const next: PaymentRecord = {
        ...withRefundStarted(payment, refund, paid.at),
        transactionId: paid.transactionId,
        paidAt: paid.paidAt,
      };
      const result = await send(table, [
        putPayment(table, next, payment, ['created', 'paying', 'closed']),
        putRefund(table, refund),
        ledgerPut(table, paymentLine(payment, paid.transactionId, paid.paidAt)),
        ...messageWriteItems(table, messages),
      ]);
      if (result.ok)
        return { kind: 'refund_required', payment: { ...next, version: payment.version + 1 }, refund };
      const current = await get(payment.id);
      if (current?.transactionId === paid.transactionId) return { kind: 'duplicate', payment: current };
      return { kind: 'subject_moved' };
    },

    async cancelAppointmentWithRefund(appointment, change, payment, refund, messages = []) {
      const next = withRefundStarted(payment, refund, change.at);
      const result = await send(table, [
        ...releaseItems(table, appointment, change),
        putPayment(table, next, payment, ['paid']),
        putRefund(table, refund),
        ...messageWriteItems(table, messages),
      ]);
      return result.ok;
    },

    async startRefundForReleased(appointment, payment, refund) {
      const next = withRefundStarted(payment, refund, refund.requestedAt);
      const result = await send(table, [
        {
          Update: {
            TableName: table.name,
            Key: appointmentKeys.appointment(appointment.accountId, appointment.id),
            UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
            // Released by a cancel or by a void at the desk: both still hold the number's money.
            ConditionExpression: '#d.#s IN (:cancelled, :voided) AND gsi2pk = :due',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':voided': 'voided',
              ':due': appointmentKeys.refundsDue,
            },
          },
        },
        putPayment(table, next, payment, ['paid', 'refunding']),
        putRefund(table, refund),
      ]);
      return result.ok;
    },

    async listRefundsDue(nowIso, limit) {
      const items = await queryDue(table, appointmentKeys.refundsDue, nowIso, limit);
      return items.map((i) => i.data as AppointmentRecord);
    },

    async clearRefundDue(appointment) {
      await conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: appointmentKeys.appointment(appointment.accountId, appointment.id),
            UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
            ConditionExpression: 'gsi2pk = :due',
            ExpressionAttributeValues: { ':due': appointmentKeys.refundsDue },
          }),
        ),
      );
    },

    async startRefund(payment, refund) {
      const next = withRefundStarted(payment, refund, refund.requestedAt);
      const result = await send(table, [
        putPayment(table, next, payment, ['paid', 'refunding']),
        putRefund(table, refund),
        auditPut(table, payment, refund, 'refund_requested'),
      ]);
      return result.ok;
    },

    async getIssue(issueId) {
      const guard = await getItem(paymentKeys.issueGuard(issueId));
      if (!guard) return undefined;
      if (typeof guard.issueAt === 'string') {
        const item = await getItem(paymentKeys.issue(guard.issueAt, issueId));
        return item ? (item.data as PaymentIssueRecord) : undefined;
      }
      // Flagged before guards carried the issue's time: look for it in the issues partition.
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#d.id = :id',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: { ':pk': paymentKeys.issues, ':id': issueId },
        ConsistentRead: true,
      });
      return items[0]?.data as PaymentIssueRecord | undefined;
    },

    async refundMismatch(issue, payment, paid, refund, messages) {
      const resolution = {
        refundId: refund.id,
        amountFen: refund.amountFen,
        reason: refund.reason,
        by: refund.requestedBy,
        at: refund.requestedAt,
      };
      const next: PaymentRecord = {
        ...withRefundStarted(payment, refund, paid.at),
        transactionId: paid.transactionId,
        paidAt: paid.paidAt,
        receivedFen: paid.receivedFen,
      };
      const result = await send(table, [
        {
          Update: {
            TableName: table.name,
            Key: paymentKeys.issue(issue.at, issue.id),
            UpdateExpression: 'SET #d.resolution = :resolution',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#d.resolution)',
            ExpressionAttributeNames: { '#d': 'data' },
            ExpressionAttributeValues: { ':resolution': resolution },
          },
        },
        putPayment(table, next, payment, ['created', 'paying', 'closed']),
        putRefund(table, refund),
        ledgerPut(table, paymentLine(payment, paid.transactionId, paid.paidAt, paid.receivedFen)),
        auditPut(table, payment, refund, 'mismatch_refund_requested'),
        ...messageWriteItems(table, messages),
      ]);
      if (result.ok) return { ok: true };
      return { ok: false, refusal: failedCondition(result.codes, 0) ? 'already_resolved' : 'payment_moved' };
    },

    async markRefundProcessing(refund, wechatRefundId, at) {
      const next: RefundRecord = { ...refund, status: 'processing', wechatRefundId, updatedAt: at };
      return (await send(table, [putRefund(table, next, ['requested'])])).ok;
    },

    async completeRefund(refund, facts, messages) {
      const next: RefundRecord = {
        ...refund,
        status: 'succeeded',
        wechatRefundId: facts.wechatRefundId,
        succeededAt: facts.succeededAt,
        updatedAt: facts.succeededAt,
      };
      return settleRefund(refund, next, true, (payment) => [
        ledgerPut(table, {
          kind: 'refund',
          at: facts.succeededAt,
          paymentId: payment.id,
          outTradeNo: payment.outTradeNo,
          transactionId: facts.transactionId,
          refundId: refund.id,
          outRefundNo: refund.outRefundNo,
          amountFen: refund.amountFen,
          description: payment.description,
        }),
        ...messageWriteItems(table, messages),
      ]);
    },

    async failRefund(refund, failure, at) {
      const next: RefundRecord = { ...refund, status: 'failed', failure, failedAt: at, updatedAt: at };
      const payment = await get(refund.paymentId);
      return settleRefund(refund, next, false, () =>
        issueItems(table, {
          id: `refund_failed-${refund.id}`,
          kind: 'refund_failed',
          paymentId: refund.paymentId,
          outTradeNo: payment?.outTradeNo ?? '',
          expectedFen: refund.amountFen,
          detail: failure,
          at,
        }),
      );
    },

    async flagIssue(issue) {
      const mark: TransactItem[] = issue.paymentId
        ? [
            {
              Update: {
                TableName: table.name,
                Key: paymentKeys.payment(issue.paymentId),
                UpdateExpression:
                  'SET #d.issue = :issue, #d.version = #d.version + :one REMOVE gsi2pk, gsi2sk',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeNames: { '#d': 'data' },
                ExpressionAttributeValues: { ':issue': issue.detail, ':one': 1 },
              },
            },
          ]
        : [];
      // A guard that already exists means this issue was flagged before: nothing more to do.
      await send(table, [...issueItems(table, issue), ...mark]);
    },

    async listIssues(limit) {
      const { Items = [] } = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': paymentKeys.issues },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((i) => i.data as PaymentIssueRecord);
    },

    async listByDate(date) {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.byCreatedDate(date) },
        ScanIndexForward: false,
      });
      const found = await Promise.all(items.map((i) => getWithRefunds((i.data as PaymentRecord).id)));
      return found.filter((f): f is NonNullable<typeof f> => f !== undefined);
    },

    async listPendingPayments(nowIso, limit) {
      const items = await queryDue(table, paymentKeys.pendingPayments, nowIso, limit);
      return items.map((i) => i.data as PaymentRecord);
    },

    async listPendingRefunds(nowIso, limit) {
      const items = await queryDue(table, paymentKeys.pendingRefunds, nowIso, limit);
      return items.map((i) => i.data as RefundRecord);
    },

    async deferCheck(target, nextCheckAt) {
      const key = target.refundId
        ? paymentKeys.refund(target.paymentId, target.refundId)
        : paymentKeys.payment(target.paymentId);
      const sk = target.refundId
        ? `${nextCheckAt}#${target.paymentId}#${target.refundId}`
        : `${nextCheckAt}#${target.paymentId}`;
      // A refused condition: resolved meanwhile (no longer pending), so nothing to defer.
      await conditionalWrite(
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression: 'SET #d.nextCheckAt = :t, gsi2sk = :sk',
            ConditionExpression: 'attribute_exists(gsi2pk)',
            ExpressionAttributeNames: { '#d': 'data' },
            ExpressionAttributeValues: { ':t': nextCheckAt, ':sk': sk },
          }),
        ),
      );
    },

    async ledger(date) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.ledgerDay(date) },
        ConsistentRead: true,
      });
      return items.map((i) => i.data as LedgerLine);
    },
  };
}
