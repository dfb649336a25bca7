import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { listGuideServices } from '../../api/guide-api';
import { Page } from '../../components/page';
import { SearchBar } from '../../components/search-bar';
import { Section } from '../../components/section';
import { ServiceCard } from '../../components/service-card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { openService } from '../../utils/navigate';
import { decodeParam } from '../../utils/params';
import { RuleLists } from './rule-lists';

/** The guide: every service or those matching `?q=`, then the 禁止办理 and 容缺受理 lists. */
function GuidePage() {
  const router = useRouter();
  const [query, setQuery] = useState(() => decodeParam(router.params.q));
  const result = useAsync(() => listGuideServices(query), [query]);

  return (
    <Page testId="page-guide">
      <Section>
        <SearchBar initial={query} onSearch={setQuery} />
      </Section>

      {result.status === 'loading' ? <LoadingView /> : null}
      {result.status === 'error' ? <ErrorView error={result.error} onRetry={result.reload} /> : null}
      {result.status === 'success' ? (
        <>
          <View className="result-count" data-testid="result-count">
            <Text>
              {query ? `“${query}”的搜索结果：` : '全部服务：'}共 {result.data.items.length} 项
            </Text>
          </View>
          {result.data.items.length === 0 ? (
            <EmptyView text="未找到相关服务" hint="请换个说法试试，如：挂号、住院、病历复印" />
          ) : (
            <View className="service-list" data-testid="service-list">
              {result.data.items.map((service) => (
                <ServiceCard key={service.id} service={service} onOpen={openService} />
              ))}
            </View>
          )}
          <RuleLists rules={result.data.rules} />
        </>
      ) : null}
    </Page>
  );
}

export default GuidePage;
