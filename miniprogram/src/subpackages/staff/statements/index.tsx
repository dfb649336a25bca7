import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addDays, shanghaiDate } from '@jiuyi/shared';
import type { Statement, StatementSummary } from '@jiuyi/shared';
import { fetchStatementCsv, getStatement, listStatements } from '../../../api/staff-payments-api';
import { InfoRow } from '../../../components/info-row';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { clock, monthDay, weekdayOf, yuan } from '../../../utils/booking-format';
import { errorText } from '../../../utils/error-text';
import { saveCsv } from '../../../utils/save-csv';

/** How many days the overview lists, today included. */
const OVERVIEW_DAYS = 7;

function Totals({ summary }: { summary: StatementSummary }) {
  return (
    <View data-testid={`statement-totals-${summary.date}`}>
      <InfoRow label="收款" value={`${summary.paymentCount} 笔 ¥${yuan(summary.paymentsFen)}`} />
      <InfoRow label="退款" value={`${summary.refundCount} 笔 ¥${yuan(summary.refundsFen)}`} />
      <InfoRow
        label="净额"
        value={`${summary.netFen < 0 ? '-' : ''}¥${yuan(Math.abs(summary.netFen))}`}
        testId="statement-net"
        emphasis
      />
    </View>
  );
}

function StatementDetail({ statement }: { statement: Statement }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const outcome = await saveCsv(
        `statement-${statement.date}.csv`,
        await fetchStatementCsv(statement.date),
      );
      void Taro.showToast({ title: outcome === 'copied' ? '已复制 CSV' : '已下载', icon: 'success' });
    } catch (caught) {
      setProblem(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={`${monthDay(statement.date)}对账单`} testId="statement-detail">
      <Totals summary={statement} />
      {problem ? (
        <View className="banner banner--error" data-testid="csv-error" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <Button
        className="btn btn--primary btn--block"
        data-testid="csv-download"
        {...(busy ? { disabled: true } : {})}
        onClick={() => void download()}
      >
        {busy ? '正在准备…' : process.env.TARO_ENV === 'h5' ? '下载 CSV' : '复制 CSV 内容'}
      </Button>
      {statement.lines.length === 0 ? <EmptyView text="当天没有到账或退款" /> : null}
      {statement.lines.map((line) => (
        <View key={line.refundId ?? `${line.paymentId}-${line.kind}`} className="appt-card">
          <View className="appt-card__head">
            <Text className="appt-card__time">
              {line.kind === 'refund' ? '退款 -' : '收款 '}¥{yuan(line.amountFen)}
            </Text>
            <Text className="appt-card__line appt-card__line--muted">{clock(line.at)}</Text>
          </View>
          <Text className="appt-card__line">{line.description}</Text>
          <Text className="appt-card__line appt-card__line--muted">
            {line.kind === 'refund' ? `退款单号 ${line.outRefundNo ?? ''}` : `微信单号 ${line.transactionId}`}
          </Text>
        </View>
      ))}
    </Section>
  );
}

function DayStatement({ date }: { date: string }) {
  const statement = useAsync(() => getStatement(date), [date]);
  if (statement.status === 'loading') return <LoadingView />;
  if (statement.status === 'error') return <ErrorView error={statement.error} onRetry={statement.reload} />;
  return <StatementDetail statement={statement.data} />;
}

/** 对账单: the last week's daily totals, one day's lines, and its CSV for finance. */
function StaffStatementsPage() {
  const today = shanghaiDate(new Date());
  const from = addDays(today, -(OVERVIEW_DAYS - 1));
  const overview = useAsync(() => listStatements(from, today), [from, today]);
  const [date, setDate] = useState(today);

  return (
    <Page testId="page-staff-statements">
      <Section title="选择日期">
        <Picker mode="date" value={date} end={today} onChange={(event) => setDate(event.detail.value)}>
          <View className="field__picker" data-testid="statement-date">
            <Text>
              {date}（{weekdayOf(date)}）
            </Text>
            <Text className="field__picker-action">换日期 ›</Text>
          </View>
        </Picker>
      </Section>
      <DayStatement date={date} />
      <Section title={`近 ${OVERVIEW_DAYS} 天`} testId="statement-overview">
        {overview.status === 'loading' ? <LoadingView /> : null}
        {overview.status === 'error' ? <ErrorView error={overview.error} onRetry={overview.reload} /> : null}
        {overview.status === 'success' && overview.data.length === 0 ? (
          <EmptyView text="近期没有对账记录" />
        ) : null}
        {overview.status === 'success'
          ? [...overview.data]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((summary) => (
                <View
                  key={summary.date}
                  className="entry-row"
                  hoverClass="entry-row--pressed"
                  data-testid={`statement-day-${summary.date}`}
                  onClick={() => setDate(summary.date)}
                >
                  <View className="entry-row__body">
                    <Text className="entry-row__title">
                      {monthDay(summary.date)}（{weekdayOf(summary.date)}）
                    </Text>
                    <Text className="entry-row__hint">
                      收款 {summary.paymentCount} 笔 ¥{yuan(summary.paymentsFen)} · 退款 {summary.refundCount}{' '}
                      笔 ¥{yuan(summary.refundsFen)}
                    </Text>
                  </View>
                  <Text className="chevron">›</Text>
                </View>
              ))
          : null}
      </Section>
    </Page>
  );
}

export default StaffStatementsPage;
