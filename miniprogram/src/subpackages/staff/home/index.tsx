import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { getMe } from '../../../api/session';
import { CalendarWarning } from '../../../components/calendar-warning';
import { EntryRow } from '../../../components/entry-row';
import { LargeTextToggle } from '../../../components/large-text-toggle';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { useAsync } from '../../../hooks/use-async';
import { useUnreadCount } from '../../../hooks/use-unread-count';
import { openMessages } from '../../../utils/booking-navigate';

/** Entries of the hospital staff roles (病案室, 窗口); each opens once its API exists. */
const STAFF_ENTRIES = [
  { id: 'records-copy', title: '病案复印申请', hint: '审核、复印、邮寄或自取' },
  { id: 'referral-verify', title: '转诊单核验', hint: '扫描转诊单二维码核验' },
  { id: 'complaints', title: '投诉处理', hint: '按期限答复患者投诉' },
];

/** 门诊部 entries after 停诊; admins see them too. Each id is its page's folder. */
const OUTPATIENT_ENTRIES = [
  { id: 'desk-check-in', title: '扫码签到', hint: '扫患者签到码、核对证件、发排队号' },
  { id: 'payments', title: '支付管理', hint: '当日支付、退款与待处理问题' },
  { id: 'statements', title: '对账单', hint: '每日收款退款合计，下载 CSV' },
  { id: 'identity-claims', title: '证件登记核验', hint: '查谁登记了证件，现场核验或解除登记' },
];

/** The staff home: their entry points only, kept out of the patients' main package. */
function StaffHomePage() {
  const unread = useUnreadCount();
  const me = useAsync(() => getMe(), []);
  // 停诊 is the 门诊部's job; other staff roles do not see the entry.
  const outpatient =
    me.status === 'success' &&
    (me.data.account.role === 'outpatient_staff' || me.data.account.role === 'admin');
  const admin = me.status === 'success' && me.data.account.role === 'admin';
  // The calendar's deadlines matter to the records room; only an admin can enter the holidays.
  const calendarWatcher = admin || (me.status === 'success' && me.data.account.role === 'records_staff');
  return (
    <Page testId="page-staff-home">
      <View className="hero hero--staff">
        <Text className="hero__title">工作人员工作台</Text>
        <Text className="hero__subtitle">病案复印、转诊核验与投诉处理</Text>
      </View>
      {calendarWatcher ? <CalendarWarning canEdit={admin} /> : null}
      <Section title="工作入口">
        {outpatient ? (
          <EntryRow
            title="出诊停诊"
            hint="停诊并为每位患者安排替诊、补诊或退号"
            testId="staff-suspend"
            onOpen={() => void Taro.navigateTo({ url: '/subpackages/staff/suspend/index' })}
          />
        ) : null}
        {outpatient
          ? OUTPATIENT_ENTRIES.map((entry) => (
              <EntryRow
                key={entry.id}
                title={entry.title}
                hint={entry.hint}
                testId={`staff-${entry.id}`}
                onOpen={() => void Taro.navigateTo({ url: `/subpackages/staff/${entry.id}/index` })}
              />
            ))
          : null}
        {admin ? (
          <EntryRow
            title="排班模板"
            hint="查看、修改医生每周出诊"
            testId="staff-templates"
            onOpen={() => void Taro.navigateTo({ url: '/subpackages/staff/templates/index' })}
          />
        ) : null}
        {admin ? (
          <EntryRow
            title="工作人员账号"
            hint="停用、启用账号或更改角色"
            testId="staff-admin-accounts"
            onOpen={() => void Taro.navigateTo({ url: '/subpackages/admin/accounts/index' })}
          />
        ) : null}
        {admin ? (
          <EntryRow
            title="节假日安排"
            hint="录入、更正并确认每年的放假和调休上班日"
            testId="staff-calendar"
            onOpen={() => void Taro.navigateTo({ url: '/subpackages/admin/calendar/index' })}
          />
        ) : null}
        {STAFF_ENTRIES.map((entry) => (
          <EntryRow
            key={entry.id}
            title={entry.title}
            hint={`${entry.hint}（即将开放）`}
            testId={`staff-${entry.id}`}
            disabled
          />
        ))}
        <EntryRow
          title="消息中心"
          hint="待办与系统通知"
          testId="staff-messages"
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

export default StaffHomePage;
