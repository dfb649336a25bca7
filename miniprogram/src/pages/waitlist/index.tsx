import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { listWaitlist } from '../../api/waitlist-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { WaitlistRow } from './waitlist-row';

/** 我的候补: each queue the patient joined, their place in it, and numbers offered to them. */
function WaitlistPage() {
  const entries = useAsync(() => listWaitlist(), []);
  // Back from paying for an offered number: show where each entry stands now.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) entries.reload();
    shown.current = true;
  });
  return (
    <Page testId="page-waitlist">
      <Section title="我的候补" testId="my-waitlist">
        <Text className="section__lead">
          有人退号时按排队先后分配，分到号后会通知您，请在保留时间内支付。
        </Text>
        {entries.status === 'loading' ? <LoadingView /> : null}
        {entries.status === 'error' ? <ErrorView error={entries.error} onRetry={entries.reload} /> : null}
        {entries.status === 'success' && entries.data.length === 0 ? (
          <EmptyView text="暂无候补" hint="号源约满时，可在选择时段页加入候补" />
        ) : null}
        {entries.status === 'success'
          ? entries.data.map((entry) => (
              <WaitlistRow key={entry.id} entry={entry} onChanged={entries.reload} />
            ))
          : null}
      </Section>
    </Page>
  );
}

export default WaitlistPage;
