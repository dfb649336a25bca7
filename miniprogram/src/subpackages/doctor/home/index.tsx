import { Text, View } from '@tarojs/components';
import { EntryRow } from '../../../components/entry-row';
import { LargeTextToggle } from '../../../components/large-text-toggle';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { useUnreadCount } from '../../../hooks/use-unread-count';
import { openMessages } from '../../../utils/booking-navigate';

/** Entries of the doctors' roles (医联体医生, 专家, 转诊中心); each opens once its API exists. */
const DOCTOR_ENTRIES = [
  { id: 'consultations', title: '会诊申请', hint: '发起与查看远程会诊' },
  { id: 'referrals', title: '双向转诊', hint: '上转、下转申请与进度' },
  { id: 'roster', title: '专家值班表', hint: '按专科、按月份查看' },
];

/** The doctors' home: their entry points only, kept out of the patients' main package. */
function DoctorHomePage() {
  const unread = useUnreadCount();
  return (
    <Page testId="page-doctor-home">
      <View className="hero hero--doctor">
        <Text className="hero__title">医生工作台</Text>
        <Text className="hero__subtitle">医联体会诊与双向转诊</Text>
      </View>
      <Section title="工作入口">
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
