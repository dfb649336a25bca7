import { Text, View } from '@tarojs/components';
import { listGuideServices } from '../../api/guide-api';
import { getMe } from '../../api/session';
import { EntryRow } from '../../components/entry-row';
import { LargeTextToggle } from '../../components/large-text-toggle';
import { Page } from '../../components/page';
import { SearchBar } from '../../components/search-bar';
import { Section } from '../../components/section';
import { ServiceGrid } from '../../components/service-grid';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { openBranches, openGuide, openPatients, openPersonas, openService } from '../../utils/navigate';

/** Signs in quietly; the persona switcher shows only when the server says this is the local demo. */
function useLocalDemo(): boolean {
  const me = useAsync(() => getMe(), []);
  return me.status === 'success' && me.data.stage === 'local';
}

/** Home: search, the services grid, the guide and phone entries, and 大字模式. */
function HomePage() {
  const services = useAsync(() => listGuideServices(), []);
  const localDemo = useLocalDemo();

  return (
    <Page testId="page-home">
      <View className="hero">
        <Text className="hero__title">大连市第二人民医院</Text>
        <Text className="hero__subtitle">办事指南 · 一看就懂，一查就到</Text>
      </View>

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
        </Section>
      ) : null}
    </Page>
  );
}

export default HomePage;
