import { Text, View } from '@tarojs/components';
import { listDepartments } from '../../api/booking-api';
import { listGuideServices } from '../../api/guide-api';
import { getMe } from '../../api/session';
import { BookingShortcuts, pickShortcuts } from '../../components/booking-shortcuts';
import { EntryRow } from '../../components/entry-row';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { Page } from '../../components/page';
import { SearchBar } from '../../components/search-bar';
import { Section } from '../../components/section';
import { ServiceGrid } from '../../components/service-grid';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { recentDepartments } from '../../utils/booking-memory';
import { openAppointments, openMessages } from '../../utils/booking-navigate';
import {
  openBills,
  openBranches,
  openGuide,
  openPatients,
  openPersonas,
  openSentMessages,
  openService,
} from '../../utils/navigate';

/** Signs in quietly; the persona switcher shows only when the server says this is the local demo. */
function useLocalDemo(): boolean {
  const me = useAsync(() => getMe(), []);
  return me.status === 'success' && me.data.stage === 'local';
}

/** Department shortcuts: recent ones from this phone, filled up with the hospital's departments. */
function useShortcuts() {
  const departments = useAsync(() => listDepartments(), []);
  return pickShortcuts(recentDepartments(), departments.status === 'success' ? departments.data : []);
}

/** Home: search, the services grid, the guide and phone entries, and 大字模式. */
function HomePage() {
  const services = useAsync(() => listGuideServices(), []);
  const localDemo = useLocalDemo();
  const unread = useUnreadCount();
  const shortcuts = useShortcuts();

  return (
    <Page testId="page-home">
      <View className="hero">
        <Text className="hero__title">大连市第二人民医院</Text>
        <Text className="hero__subtitle">办事指南 · 一看就懂，一查就到</Text>
      </View>

      <Section title="预约挂号" testId="booking">
        <BookingShortcuts shortcuts={shortcuts} />
        <EntryRow
          title="我的预约"
          hint="待支付、待就诊、取消与签到码"
          testId="entry-appointments"
          onOpen={openAppointments}
        />
        <EntryRow
          title="门诊缴费"
          hint="检查、药品费用手机缴费，未执行项目可退费"
          testId="entry-bills"
          onOpen={openBills}
        />
        <EntryRow
          title="消息中心"
          hint="预约、支付、停诊通知"
          testId="entry-messages"
          badge={unread}
          onOpen={openMessages}
        />
      </Section>

      <Section>
        <SearchBar onSearch={(q) => openGuide(q)} />
      </Section>

      <Section>
        <LargeTextToggle />
      </Section>

      <Section title="我要办理" testId="services">
        {services.status === 'loading' ? <LoadingView /> : null}
        {services.status === 'error' ? <ErrorView error={services.error} onRetry={services.reload} /> : null}
        {services.status === 'success' && services.data.items.length === 0 ? (
          <EmptyView text="暂无可办理的服务" />
        ) : null}
        {services.status === 'success' && services.data.items.length > 0 ? (
          <ServiceGrid services={services.data.items} onOpen={openService} />
        ) : null}
      </Section>

      <Section>
        <EntryRow
          title="就诊人管理"
          hint="添加本人或家人，挂号时选择"
          testId="entry-patients"
          onOpen={openPatients}
        />
        <EntryRow
          title="就诊指南"
          hint="全部服务、禁止办理与容缺受理"
          testId="entry-guide"
          onOpen={() => openGuide()}
        />
        <EntryRow
          title="院区及分部电话"
          hint="地址与联系电话，点一下即可拨打"
          testId="entry-branches"
          onOpen={openBranches}
        />
      </Section>

      {localDemo ? (
        <Section>
          <EntryRow
            title="切换演示身份"
            hint="本地演示：患者、医生、转诊中心、病案室…"
            testId="entry-persona"
            onOpen={openPersonas}
          />
          <EntryRow
            title="演示：已发送消息"
            hint="本地演示：查看本应发出的微信订阅消息和短信"
            testId="entry-sent-messages"
            onOpen={openSentMessages}
          />
        </Section>
      ) : null}
    </Page>
  );
}

export default HomePage;
