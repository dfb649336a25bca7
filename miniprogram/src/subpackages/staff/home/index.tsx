import { Text, View } from '@tarojs/components';
import { EntryRow } from '../../../components/entry-row';
import { LargeTextToggle } from '../../../components/large-text-toggle';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';

/** Entries of the hospital staff roles (病案室, 窗口); each opens once its API exists. */
const STAFF_ENTRIES = [
  { id: 'records-copy', title: '病案复印申请', hint: '审核、复印、邮寄或自取' },
  { id: 'referral-verify', title: '转诊单核验', hint: '扫描转诊单二维码核验' },
  { id: 'complaints', title: '投诉处理', hint: '按期限答复患者投诉' },
  { id: 'messages', title: '消息中心', hint: '待办与系统通知' },
];

/** The staff home: their entry points only, kept out of the patients' main package. */
function StaffHomePage() {
  return (
    <Page testId="page-staff-home">
      <View className="hero hero--staff">
        <Text className="hero__title">工作人员工作台</Text>
        <Text className="hero__subtitle">病案复印、转诊核验与投诉处理</Text>
      </View>
      <Section title="工作入口">
        {STAFF_ENTRIES.map((entry) => (
          <EntryRow
            key={entry.id}
            title={entry.title}
            hint={`${entry.hint}（即将开放）`}
            testId={`staff-${entry.id}`}
            disabled
          />
        ))}
      </Section>
      <Section>
        <LargeTextToggle />
      </Section>
    </Page>
  );
}

export default StaffHomePage;
