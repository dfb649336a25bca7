import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { canCancel } from '@jiuyi/shared';
import type { AppointmentView } from '@jiuyi/shared';
import { getAppointment } from '../../api/booking-api';
import { getPayment } from '../../api/payment-api';
import { getSuspensionOffer } from '../../api/suspension-api';
import { InfoRow } from '../../components/info-row';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { ErrorView, LoadingView } from '../../components/state-views';
import { StatusTag } from '../../components/status-tag';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { yuan } from '../../utils/booking-format';
import { openAppointments } from '../../utils/booking-navigate';
import { decodeParam } from '../../utils/params';
import { confirmAndCancel } from './cancel';
import { CheckInPanel, QueuePanel } from './check-in-panel';
import { PaymentPanel } from './payment-panel';
import { Receipt } from './receipt';
import { SuspensionPanel } from './suspension-panel';

const MAX_PAID_POLLS = 10;

const SANDBOX_RESULT: Record<string, { text: string; tone: 'info' | 'success' | 'error' }> = {
  ok: { text: '支付完成，正在确认结果…', tone: 'info' },
  paid: { text: '支付成功，预约已生效。', tone: 'success' },
  cancel: { text: '您已取消支付，号源仍为您保留，请在倒计时结束前完成支付。', tone: 'info' },
  fail: { text: '支付未成功，请稍后再试。', tone: 'error' },
};

/**
 * The appointment with its payment (absent before paying) and, for a booking a 停诊 may have
 * touched, the suspension offer (absent when the session was never suspended).
 */
async function loadAppointment(id: string) {
  const appointment = await getAppointment(id);
  const paid = appointment.feeFen > 0 && appointment.status !== 'pending_payment';
  const maySuspend =
    appointment.status === 'booked' ||
    appointment.status === 'pending_payment' ||
    (appointment.status === 'cancelled' && appointment.cancelReason === 'session_suspended');
  const [payment, suspension] = await Promise.all([
    paid ? getPayment(id) : undefined,
    maySuspend ? getSuspensionOffer(id) : undefined,
  ]);
  return { appointment, payment, suspension };
}

function ResultHead({ appointment }: { appointment: AppointmentView }) {
  const pending = appointment.status === 'pending_payment';
  return (
    <View
      className={pending ? 'result-head result-head--pending' : 'result-head'}
      data-testid="booking-result"
    >
      <Text className="result-head__icon">{pending ? '!' : '✓'}</Text>
      <Text className="result-head__title">{pending ? '号源已保留，请尽快支付' : '预约成功'}</Text>
      <Text className="result-head__hint">
        {pending ? '支付完成后预约才生效' : '请按时就诊，就诊当天携带就诊人证件'}
      </Text>
    </View>
  );
}

/** The booking's confirmation (Beijing art. 15): when, where, who, how to cancel, the no-show rule. */
function Confirmation({ appointment }: { appointment: AppointmentView }) {
  const { confirmation } = appointment;
  return (
    <Section title="预约信息" testId="confirmation">
      <View className="confirmation__status">
        <StatusTag status={appointment.status} />
      </View>
      <InfoRow label="就诊人" value={appointment.patientName} testId="detail-patient" />
      <InfoRow label="就诊时间" value={confirmation.slotTime} testId="detail-time" />
      <InfoRow label="科室" value={confirmation.department} testId="detail-department" />
      <InfoRow label="医生" value={confirmation.doctor} testId="detail-doctor" />
      <InfoRow label="挂号费" value={`¥${yuan(appointment.feeFen)}`} testId="detail-fee" emphasis />
      <Text className="notice-line" data-testid="detail-how-to-cancel">
        <Text className="notice-line__head">如何取消：</Text>
        {confirmation.howToCancel}
      </Text>
      <Text className="notice-line" data-testid="detail-no-show">
        <Text className="notice-line__head">爽约处理：</Text>
        {confirmation.noShowPenalty}
      </Text>
      {(appointment.status === 'cancelled' || appointment.status === 'voided') &&
      appointment.refundRequired ? (
        <Text className="notice-line" data-testid="refund-note">
          <Text className="notice-line__head">退款：</Text>
          挂号费将原路退回，一般 1–3 个工作日到账。
        </Text>
      ) : null}
      {appointment.cancelReason === 'session_suspended' ? (
        <Text className="notice-line">医生停诊，本次预约已取消。</Text>
      ) : null}
      {appointment.cancelReason === 'hold_expired' ? (
        <Text className="notice-line">未在保留时间内支付，号源已释放。</Text>
      ) : null}
      {appointment.cancelReason === 'identity_mismatch' ? (
        <Text className="notice-line" data-testid="voided-note">
          签到时核验证件与就诊人不一致，本次预约已作废，号源已释放。
        </Text>
      ) : null}
      {appointment.voidUndo ? (
        <Text className="notice-line" data-testid="void-undone-note">
          门诊工作人员已撤销作废，号源已恢复为一条新的预约，请在“我的预约”中查看。
        </Text>
      ) : null}
    </Section>
  );
}

/** One appointment: the result right after booking, and the detail page of 我的预约. */
function AppointmentPage() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const justBooked = params.booked === '1';
  const sandboxResult = decodeParam(params.sandbox_pay);
  const loaded = useAsync(() => loadAppointment(id), [id]);

  // Back from the sandbox with `ok`: the paid notice may land a moment later, so look again a few times.
  const polls = useRef(0);
  const awaitingPaid =
    sandboxResult === 'ok' &&
    loaded.status === 'success' &&
    loaded.data.appointment.status === 'pending_payment' &&
    polls.current < MAX_PAID_POLLS;
  const reload = loaded.reload;
  useEffect(() => {
    if (!awaitingPaid) return undefined;
    const timer = setTimeout(() => {
      polls.current += 1;
      reload();
    }, 1500);
    return () => clearTimeout(timer);
  }, [awaitingPaid, reload]);

  if (loaded.status !== 'success')
    return (
      <Page testId="page-appointment">
        {loaded.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView error={loaded.error} onRetry={loaded.reload} />
        )}
      </Page>
    );

  const { appointment, payment, suspension } = loaded.data;
  // While a 停诊 offer waits for an answer, paying or checking in for the old session makes no sense.
  const awaitingChoice = suspension?.state === 'offered';
  const paidNow = sandboxResult === 'ok' && appointment.status === 'booked';
  const sandbox = SANDBOX_RESULT[paidNow ? 'paid' : sandboxResult];
  const cancellable = canCancel(appointment.status, appointment.date, appointment.period, new Date());
  return (
    <Page testId="page-appointment">
      {justBooked ? <StepIndicator current={5} /> : null}
      {justBooked ? <ResultHead appointment={appointment} /> : null}
      {sandbox ? (
        <View className={`banner banner--${sandbox.tone}`} data-testid="sandbox-result">
          <Text>{sandbox.text}</Text>
        </View>
      ) : null}
      {suspension ? <SuspensionPanel offer={suspension} onChanged={loaded.reload} /> : null}
      {appointment.status === 'pending_payment' && !awaitingChoice ? (
        <PaymentPanel appointment={appointment} onChanged={loaded.reload} />
      ) : null}
      <Confirmation appointment={appointment} />
      {appointment.status === 'checked_in' ? <QueuePanel appointment={appointment} /> : null}
      {appointment.status === 'booked' && !awaitingChoice ? (
        <CheckInPanel appointment={appointment} onCheckedIn={loaded.reload} />
      ) : null}
      {payment ? <Receipt payment={payment} /> : null}
      <View className="actions">
        {cancellable ? (
          <Button
            className="btn btn--danger btn--block"
            data-testid="cancel-appointment"
            onClick={() => void confirmAndCancel(appointment, loaded.reload)}
          >
            取消预约
          </Button>
        ) : null}
        {justBooked ? (
          <Button
            className="btn btn--secondary btn--block"
            data-testid="open-my-appointments"
            onClick={openAppointments}
          >
            查看我的预约
          </Button>
        ) : null}
        {justBooked ? (
          <Button
            className="btn btn--secondary btn--block"
            data-testid="back-home"
            onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}
          >
            返回首页
          </Button>
        ) : null}
      </View>
    </Page>
  );
}

export default AppointmentPage;
