import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  consultationChaseTimes,
  recordsCopyDeadlineWarningAt,
  toShanghaiIso,
  type MessageView,
} from '@jiuyi/shared';
import type { Deps } from '../../functions/src/composition';
import {
  createDueTimerStore,
  timerCancelItems,
  timerPutItems,
} from '../../functions/src/adapters/dynamodb/due-timer-store';
import { createMessageStore } from '../../functions/src/adapters/dynamodb/message-store';
import type { DueTimer } from '../../functions/src/ports/due-timer';
import { fireDueTimers } from '../../functions/src/use-cases/messages/fire-due-timers';
import { publishedCalendar } from '../../shared/src/domain/calendar/test-support';
import { at } from '../support/appointment-fixtures';
import { createTestDeps } from '../support/test-stack';

/**
 * The due-reminder mechanism on its own, with aggregates that do not exist yet in the product: a
 * consultation waiting for an expert's approval and a records-copy request with a deadline. Each is
 * a synthetic item written with its timers in one transaction, exactly as the real features will.
 */
// Creating a fresh table takes seconds on a shared machine.
jest.setTimeout(60_000);

let deps: Deps;
beforeEach(async () => {
  deps = await createTestDeps();
});

const store = () => createDueTimerStore(deps.table);
const inbox = async (accountId: string): Promise<MessageView[]> =>
  (await createMessageStore(deps.table).list(accountId, { limit: 50 })).items;

const consultationKey = (id: string) => ({ pk: `CONSULTATION#${id}`, sk: 'CONSULTATION' });

/** The chase timers of a consultation starting at `start`: to the expert, earliest first. */
function chaseTimers(id: string, start: Date): DueTimer[] {
  return consultationChaseTimes(start).map((time) => {
    const minutes = Math.round((start.getTime() - time.getTime()) / 60_000);
    return {
      aggregate: { type: 'consultation', id },
      step: `chase-${minutes}`,
      dueAt: toShanghaiIso(time),
      notAfter: toShanghaiIso(start),
      guard: { key: consultationKey(id), attribute: 'data.status', oneOf: ['requested'] },
      message: {
        kind: 'consultation_unapproved_chase',
        entityId: id,
        recipientAccountId: 'expert-1',
        title: '会诊申请待审核',
        body: `东区社区医院的会诊申请仍未审核，会诊将在 ${minutes} 分钟后开始`,
        link: `/subpackages/expert/consultations/detail?id=${id}`,
        channels: ['sms', 'wechat_subscribe'],
        data: {
          requester: '东区社区医院',
          consultationTime: toShanghaiIso(start).slice(0, 16).replace('T', ' '),
        },
      },
    };
  });
}

/** A consultation request and its chases, in one transaction (what the consultation feature will do). */
async function requestConsultation(id: string, start: Date) {
  await deps.table.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.table.name,
            Item: { ...consultationKey(id), type: 'consultation', data: { id, status: 'requested' } },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...timerPutItems(deps.table, chaseTimers(id, start)),
      ],
    }),
  );
}

/** Approval moves the aggregate on and cancels what is left of its chases, in one transaction. */
async function approveConsultation(id: string) {
  await deps.table.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: deps.table.name,
            Key: consultationKey(id),
            UpdateExpression: 'SET #d.#s = :approved',
            ConditionExpression: '#d.#s = :requested',
            ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
            ExpressionAttributeValues: { ':approved': 'approved', ':requested': 'requested' },
          },
        },
        ...timerCancelItems(deps.table, { type: 'consultation', id }, ['chase-120', 'chase-30']),
      ],
    }),
  );
}

describe('due timers: a consultation waiting for approval', () => {
  it('chases the expert 2 h and 30 min before, at the Shanghai minute, until approved; then never again', async () => {
    // Prepare: a consultation at 00:30 on 11 March is chased at 22:30 and 00:00 (across midnight)
    await requestConsultation('c-1', at('2026-03-11T00:30:00'));

    // Act
    const early = await fireDueTimers(store(), at('2026-03-10T22:29:59.999'));
    const first = await fireDueTimers(store(), at('2026-03-10T22:30:00'));
    await approveConsultation('c-1');
    const afterApproval = await fireDueTimers(store(), at('2026-03-11T00:00:00'));

    // Assess
    expect(early.fired).toBe(0);
    expect(first.fired).toBe(1);
    expect(afterApproval).toMatchObject({ fired: 0, obsolete: 0, gone: 0 });
    const messages = await inbox('expert-1');
    expect(messages.map((m) => [m.kind, m.createdAt])).toEqual([
      ['consultation_unapproved_chase', '2026-03-10T22:30:00.000+08:00'],
    ]);
    expect(await store().get({ type: 'consultation', id: 'c-1' }, 'chase-30')).toBeUndefined();
  });

  it('a change whose transaction fails leaves no timer behind', async () => {
    // Prepare
    await requestConsultation('c-2', at('2026-03-12T14:00:00'));

    // Act: the same request again fails its condition, and its timers with it
    const again = requestConsultation('c-2', at('2026-03-12T20:00:00'));

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect((await store().get({ type: 'consultation', id: 'c-2' }, 'chase-120'))?.dueAt).toBe(
      '2026-03-12T12:00:00.000+08:00',
    );
  });

  it('a consultation moved on by a change that forgot its timers is not chased (the guard)', async () => {
    // Prepare
    await requestConsultation('c-3', at('2026-03-12T14:00:00'));
    await deps.table.doc.send(
      new UpdateCommand({
        TableName: deps.table.name,
        Key: consultationKey('c-3'),
        UpdateExpression: 'SET #d.#s = :x',
        ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
        ExpressionAttributeValues: { ':x': 'withdrawn' },
      }),
    );

    // Act
    const summary = await fireDueTimers(store(), at('2026-03-12T13:30:00'));

    // Assess
    expect(summary).toMatchObject({ fired: 0, obsolete: 2 });
    expect(await inbox('expert-1')).toEqual([]);
  });
});

describe('due timers: a records-copy deadline near breach', () => {
  const requestKey = { pk: 'RECORDSCOPY#r-1', sk: 'RECORDSCOPY' };
  const deadline = '2026-10-08';
  const warning = (): DueTimer => ({
    aggregate: { type: 'records-copy', id: 'r-1' },
    step: `deadline-${deadline}`,
    dueAt: toShanghaiIso(recordsCopyDeadlineWarningAt(publishedCalendar, deadline)),
    guard: { key: requestKey, attribute: 'data.status', oneOf: ['submitted'] },
    message: {
      kind: 'records_copy_deadline',
      entityId: 'r-1',
      recipientAccountId: 'records-staff-1',
      title: '病案复印即将超时',
      body: `病案复印申请 R-0001 须在 ${deadline} 前完成复印并通知费用`,
      link: '/subpackages/staff/records-copy/detail?id=r-1',
      channels: ['sms'],
      data: { requestNo: 'R-0001', deadline },
    },
  });

  beforeEach(async () => {
    await deps.table.doc.send(
      new PutCommand({ TableName: deps.table.name, Item: { ...requestKey, data: { status: 'submitted' } } }),
    );
    await store().schedule([warning()]);
  });

  it('warns records staff at 08:00 on the last working day before the National Day break, once', async () => {
    // Act: the deadline is the first day back (8 October), so the warning is 30 September 08:00
    const before = await fireDueTimers(store(), at('2026-09-30T07:59:59.999'));
    const runs = await Promise.all([
      fireDueTimers(store(), at('2026-09-30T08:00:00')),
      fireDueTimers(store(), at('2026-09-30T08:00:00')),
    ]);
    const later = await fireDueTimers(store(), at('2026-09-30T08:05:00'));

    // Assess
    expect(before.fired).toBe(0);
    expect(runs.map((r) => r.fired).sort()).toEqual([0, 1]);
    expect(later.fired).toBe(0);
    expect((await inbox('records-staff-1')).map((m) => [m.kind, m.createdAt])).toEqual([
      ['records_copy_deadline', '2026-09-30T08:00:00.000+08:00'],
    ]);
  });

  it('is cancelled when the request moves on in time, and never fires', async () => {
    // Act
    await store().cancel({ type: 'records-copy', id: 'r-1' }, [`deadline-${deadline}`]);
    const summary = await fireDueTimers(store(), at('2026-10-08T09:00:00'));

    // Assess
    expect(summary).toMatchObject({ fired: 0, obsolete: 0, gone: 0 });
    expect(await inbox('records-staff-1')).toEqual([]);
  });

  it('a rescheduled timer fires at its new time only', async () => {
    // Act: the deadline moved to 12 October (after the make-up working Saturday, 10 October)
    await store().schedule([
      { ...warning(), dueAt: toShanghaiIso(recordsCopyDeadlineWarningAt(publishedCalendar, '2026-10-12')) },
    ]);
    const old = await fireDueTimers(store(), at('2026-09-30T08:00:00'));
    const renewed = await fireDueTimers(store(), at('2026-10-10T08:00:00'));

    // Assess
    expect(old.fired).toBe(0);
    expect(renewed.fired).toBe(1);
    expect((await inbox('records-staff-1'))[0]?.createdAt).toBe('2026-10-10T08:00:00.000+08:00');
  });
});
