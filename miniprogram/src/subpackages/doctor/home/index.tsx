import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { getMe } from '../../../api/session';
import { EntryRow } from '../../../components/entry-row';
import { LargeTextToggle } from '../../../components/large-text-toggle';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { useUnreadCount } from '../../../hooks/use-unread-count';
import { openMessages } from '../../../utils/booking-navigate';

/** Entries of the doctors' roles (医联体医生, 专家, 转诊中心); each opens once its API exists. */
const DOCTOR_ENTRIES = [
  { id: 'consultations', title: '会诊申请', hint: '发起与查看远程会诊' },
  { id: 'referrals', title: '双向转诊', hint: '上转、下转申请与进度' },
  { id: 'roster', title: '专家值班表', hint: '按专科、按月份查看' },
];

/** The hospital's own consulting doctors (门诊医生, 专家): their sessions, 加号 and 诊间预约. Each id is its page's folder. */
const CLINIC_ENTRIES = [
  { id: 'sessions', title: '我的出诊', hint: '近 7 天出诊与预约人数，进入可加号' },
  { id: 'clinic-booking', title: '诊间预约', hint: '为在诊患者预约复诊、上级医生或其他专科' },
];

/** Alliance doctors (医联体医生): referral numbers kept for them (Beijing art. 16–17). Each id is its page's folder. */
const ALLIANCE_ENTRIES = [
  { id: 'referral-booking', title: '转诊预约', hint: '为转诊患者预约转诊专用号源，优先于公众放号' },
  { id: 'referrals', title: '我的转诊预约', hint: '已预约的转诊患者及预约状态' },
];

/** The doctors' home: their entry points only, kept out of the patients' main package. */
function DoctorHomePage() {
  const unread = useUnreadCount();
  const me = useAsync(() => getMe(), []);
  const role = me.status === 'success' ? me.data.account.role : undefined;
  const consulting = role === 'clinic_doctor' || role === 'expert';
  const entries = [
    ...(consulting ? CLINIC_ENTRIES : []),
    ...(role === 'alliance_doctor' ? ALLIANCE_ENTRIES : []),
  ];
  return (
    <Page testId="page-doctor-home">
      <View className="hero hero--doctor">
        <Text className="hero__title">医生工作台</Text>
        <Text className="hero__subtitle">医联体会诊与双向转诊</Text>
      </View>
      <Section title="工作入口">
        {entries.map((entry) => (
          <EntryRow
            key={entry.id}
            title={entry.title}
            hint={entry.hint}
            testId={`doctor-${entry.id}`}
            onOpen={() => void Taro.navigateTo({ url: `/subpackages/doctor/${entry.id}/index` })}
          />
        ))}
        {DOCTOR_ENTRIES.map((entry) => (
          <EntryRow
            key={entry.id}
            title={entry.title}
            hint={`${entry.hint}（即将开放）`}
            testId={`doctor-${entry.id}`}
            disabled
          />
        ))}
        <EntryRow
          title="消息中心"
          hint="会诊与转诊的通知"
          testId="doctor-messages"
          badge={unread}
          onOpen={openMessages}
        />
      </Section>
      <Section>
        <LargeTextToggle />
      </Section>
    </Page>
  );
}

export default DoctorHomePage;
