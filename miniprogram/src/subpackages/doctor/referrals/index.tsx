import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DOCTOR_TITLE_LABELS } from '@jiuyi/shared';
import type { ReferralBookingView } from '@jiuyi/shared';
import { listReferralBookings } from '../../../api/referral-api';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { PERIOD_LABELS, clock, monthDay, weekdayOf } from '../../../utils/booking-format';

function ReferralCard({ referral }: { referral: ReferralBookingView }) {
  return (
    <View className="appt-card" data-testid={`referral-${referral.appointmentId}`}>
      <View className="appt-card__head">
        <Text className="appt-card__time">
          {monthDay(referral.date)}（{weekdayOf(referral.date)}）{PERIOD_LABELS[referral.period]}{' '}
          {clock(referral.start)}
        </Text>
        <StatusTag status={referral.status} />
      </View>
      <Text className="appt-card__line">
        {referral.patientNameMasked} · {referral.department.name} {referral.doctor.name}{' '}
        {DOCTOR_TITLE_LABELS[referral.doctor.title]}
      </Text>
      <Text className="appt-card__line appt-card__line--muted">原因：{referral.reason}</Text>
    </View>
  );
}

/** 我的转诊预约: the referrals this alliance doctor made, newest first, with each booking's status now. */
function ReferralsPage() {
  const referrals = useAsync(() => listReferralBookings(), []);
  return (
    <Page testId="page-doctor-referrals">
      <Section title="我的转诊预约">
        {referrals.status === 'loading' ? <LoadingView /> : null}
        {referrals.status === 'error' ? (
          <ErrorView error={referrals.error} onRetry={referrals.reload} />
        ) : null}
        {referrals.status === 'success' && referrals.data.length === 0 ? (
          <EmptyView text="还没有转诊预约" />
        ) : null}
        {referrals.status === 'success' && referrals.data.length > 0 ? (
          <View data-testid="referral-list">
            {referrals.data.map((r) => (
              <ReferralCard key={r.appointmentId} referral={r} />
            ))}
          </View>
        ) : null}
        <Button
          className="btn btn--primary btn--block"
          data-testid="referrals-new"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/doctor/referral-booking/index' })}
        >
          新的转诊预约
        </Button>
      </Section>
    </Page>
  );
}

export default ReferralsPage;
