import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { getGuideService } from '../../api/guide-api';
import { Page } from '../../components/page';
import { PhoneList } from '../../components/phone-list';
import { Section } from '../../components/section';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { decodeParam } from '../../utils/params';
import { DocumentsSection, NotesSection, StepsSection, WaysSection } from './service-sections';

/** One service: what it is, the steps, materials, where and when, whom to call, and tips. */
function GuideDetailPage() {
  const router = useRouter();
  const id = decodeParam(router.params.id);
  const service = useAsync(() => getGuideService(id), [id]);
  const name = service.status === 'success' ? service.data.name : undefined;

  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);

  return (
    <Page testId="page-guide-detail">
      {service.status === 'loading' ? <LoadingView /> : null}
      {service.status === 'error' ? <ErrorView error={service.error} onRetry={service.reload} /> : null}
      {service.status === 'success' ? (
        <>
          <View className="detail-head">
            <Text className="detail-head__title" data-testid="detail-name">
              {service.data.name}
            </Text>
            <Text className="detail-head__summary">{service.data.summary}</Text>
          </View>
          <StepsSection steps={service.data.steps} />
          <DocumentsSection documents={service.data.requiredDocuments} />
          <WaysSection service={service.data} />
          {service.data.phones.length > 0 ? (
            <Section title="咨询电话" testId="detail-phones">
              <PhoneList phones={service.data.phones} />
            </Section>
          ) : null}
          <NotesSection notes={service.data.notes} />
        </>
      ) : null}
    </Page>
  );
}

export default GuideDetailPage;
