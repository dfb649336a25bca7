import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { shanghaiDate } from '@jiuyi/shared';
import type { PaymentIssueView, StaffPaymentView } from '@jiuyi/shared';
import { listPaymentIssues, listPayments } from '../../../api/staff-payments-api';
import { ChoiceGroup } from '../../../components/choice-group';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { clock, monthDay, yuan } from '../../../utils/booking-format';
import { ISSUE_KIND_LABELS, PAYMENT_STATUS_TAGS, REFUND_STATUS_LABELS } from '../../../utils/payment-labels';
import { IssueRefundForm } from './issue-refund-form';
import { RefundForm } from './refund-form';

type Tab = 'payments' | 'issues';
const TABS = [
  { value: 'payments', label: '当日支付' },
  { value: 'issues', label: '待处理问题' },
] as const;

function PaymentCard({
  payment,
  refunding,
  onRefund,
  onClose,
  onRefunded,
}: {
  payment: StaffPaymentView;
  refunding: boolean;
  onRefund: () => void;
  onClose: () => void;
  onRefunded: () => void;
}) {
  const tag = PAYMENT_STATUS_TAGS[payment.status];
  const refundable = payment.amountFen - payment.refundedFen - payment.refundingFen;
  return (
    <View className="appt-card" data-testid={`payment-${payment.id}`}>
      <View className="appt-card__head">
        <Text className="appt-card__time">¥{yuan(payment.amountFen)}</Text>
        <Text className={`status-tag status-tag--${tag.tone}`}>{tag.label}</Text>
      </View>
      <Text className="appt-card__line">{payment.description}</Text>
      <Text className="appt-card__line appt-card__line--muted">
        {payment.subject.kind === 'bill' ? '门诊缴费' : '挂号费'} · 下单 {clock(payment.createdAt)}
        {payment.paidAt ? ` · 支付 ${clock(payment.paidAt)}` : ''}
      </Text>
      <Text className="appt-card__line appt-card__line--muted">商户单号 {payment.outTradeNo}</Text>
      {payment.refundedFen > 0 || payment.refundingFen > 0 ? (
        <Text className="appt-card__line">
          已退 ¥{yuan(payment.refundedFen)}
          {payment.refundingFen > 0 ? ` · 退款中 ¥${yuan(payment.refundingFen)}` : ''}
        </Text>
      ) : null}
      {payment.refunds.map((refund) => (
        <Text key={refund.id} className="appt-card__line appt-card__line--muted">
          退款 ¥{yuan(refund.amountFen)} {REFUND_STATUS_LABELS[refund.status]} · {refund.reason}
        </Text>
      ))}
      {payment.issue ? (
        <View className="banner banner--error" role="alert">
          <Text>{payment.issue}</Text>
        </View>
      ) : null}
      {refunding ? (
        <RefundForm payment={payment} onCancel={onClose} onDone={onRefunded} />
      ) : payment.status === 'paid' && refundable > 0 ? (
        <View
          className="banner__action"
          data-testid={`refund-open-${payment.id}`}
          hoverClass="entry-row--pressed"
          onClick={onRefund}
        >
          <Text>退款（可退 ¥{yuan(refundable)}）›</Text>
        </View>
      ) : null}
    </View>
  );
}

function IssueCard({
  issue,
  refunding,
  onRefund,
  onClose,
  onRefunded,
}: {
  issue: PaymentIssueView;
  refunding: boolean;
  onRefund: () => void;
  onClose: () => void;
  onRefunded: () => void;
}) {
  const resolution = issue.resolution;
  const refundable = issue.kind === 'amount_mismatch' && !resolution && (issue.reportedFen ?? 0) > 0;
  return (
    <View className="appt-card" data-testid={`issue-${issue.id}`}>
      <View className="appt-card__head">
        <Text className="appt-card__time">{ISSUE_KIND_LABELS[issue.kind]}</Text>
        {resolution ? (
          <Text className="status-tag status-tag--green">已退款处理</Text>
        ) : (
          <Text className="status-tag status-tag--red">待处理</Text>
        )}
      </View>
      <Text className="appt-card__line">{issue.detail}</Text>
      {issue.expectedFen !== undefined || issue.reportedFen !== undefined ? (
        <Text className="appt-card__line">
          应收 ¥{yuan(issue.expectedFen ?? 0)} · 实收 ¥{yuan(issue.reportedFen ?? 0)}
        </Text>
      ) : null}
      <Text className="appt-card__line appt-card__line--muted">
        商户单号 {issue.outTradeNo} · {monthDay(issue.at.slice(0, 10))} {clock(issue.at)}
      </Text>
      {resolution ? (
        <Text className="appt-card__line" data-testid={`issue-resolution-${issue.id}`}>
          退款 ¥{yuan(resolution.amountFen)} {REFUND_STATUS_LABELS[resolution.refundStatus]} ·{' '}
          {resolution.reason} · {clock(resolution.at)}
        </Text>
      ) : null}
      {refunding ? (
        <IssueRefundForm issue={issue} onCancel={onClose} onDone={onRefunded} />
      ) : refundable ? (
        <View
          className="banner__action"
          data-testid={`issue-refund-open-${issue.id}`}
          hoverClass="entry-row--pressed"
          onClick={onRefund}
        >
          <Text>退款（全额退回 ¥{yuan(issue.reportedFen ?? 0)}）›</Text>
        </View>
      ) : null}
    </View>
  );
}

function PaymentsOfDay({ date }: { date: string }) {
  const payments = useAsync(() => listPayments(date), [date]);
  const [refundingId, setRefundingId] = useState<string>();
  if (payments.status === 'loading') return <LoadingView />;
  if (payments.status === 'error') return <ErrorView error={payments.error} onRetry={payments.reload} />;
  if (payments.data.length === 0) return <EmptyView text={`${monthDay(date)}没有支付记录`} />;
  const paidFen = payments.data.filter((p) => p.paidAt).reduce((sum, p) => sum + p.amountFen, 0);
  return (
    <View data-testid="payment-list">
      <Text className="section__lead">
        共 {payments.data.length} 笔，已支付合计 ¥{yuan(paidFen)}
      </Text>
      {payments.data.map((payment) => (
        <PaymentCard
          key={payment.id}
          payment={payment}
          refunding={refundingId === payment.id}
          onRefund={() => setRefundingId(payment.id)}
          onClose={() => setRefundingId(undefined)}
          onRefunded={() => {
            setRefundingId(undefined);
            payments.reload();
          }}
        />
      ))}
    </View>
  );
}

function Issues() {
  const issues = useAsync(() => listPaymentIssues(), []);
  const [refundingId, setRefundingId] = useState<string>();
  if (issues.status === 'loading') return <LoadingView />;
  if (issues.status === 'error') return <ErrorView error={issues.error} onRetry={issues.reload} />;
  if (issues.data.length === 0) return <EmptyView text="没有待处理的支付问题" />;
  return (
    <View data-testid="issue-list">
      {issues.data.map((issue) => (
        <IssueCard
          key={issue.id}
          issue={issue}
          refunding={refundingId === issue.id}
          onRefund={() => setRefundingId(issue.id)}
          onClose={() => setRefundingId(undefined)}
          onRefunded={() => {
            setRefundingId(undefined);
            issues.reload();
          }}
        />
      ))}
    </View>
  );
}

/** 门诊部 / 管理员: a day's payments with their status, staff refunds, and problems needing a person. */
function StaffPaymentsPage() {
  const [tab, setTab] = useState<Tab>('payments');
  const [date, setDate] = useState(() => shanghaiDate(new Date()));
  return (
    <Page testId="page-staff-payments">
      <Section>
        <ChoiceGroup options={TABS} value={tab} testIdPrefix="payments-tab" onChange={setTab} />
      </Section>
      {tab === 'payments' ? (
        <Section title="当日支付">
          <Picker mode="date" value={date} onChange={(event) => setDate(event.detail.value)}>
            <View className="field__picker" data-testid="payments-date">
              <Text>{date}</Text>
              <Text className="field__picker-action">换日期 ›</Text>
            </View>
          </Picker>
          <PaymentsOfDay date={date} />
        </Section>
      ) : (
        <Section title="待处理问题">
          <Issues />
        </Section>
      )}
    </Page>
  );
}

export default StaffPaymentsPage;
