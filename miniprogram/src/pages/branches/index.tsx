import { Text, View } from '@tarojs/components';
import type { GuideBranch } from '@jiuyi/shared';
import { listGuideBranches } from '../../api/guide-api';
import { Page } from '../../components/page';
import { PhoneList } from '../../components/phone-list';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';

const KIND_ORDER: { kind: GuideBranch['kind']; title: string }[] = [
  { kind: 'campus', title: '院区' },
  { kind: 'branch', title: '分部' },
  { kind: 'community_centre', title: '社区卫生服务中心' },
  { kind: 'alliance_member', title: '医联体成员单位' },
];

/** Campuses, branches, community centres and alliance members, each with address and phones. */
function BranchesPage() {
  const branches = useAsync(() => listGuideBranches(), []);

  return (
    <Page testId="page-branches">
      {branches.status === 'loading' ? <LoadingView /> : null}
      {branches.status === 'error' ? <ErrorView error={branches.error} onRetry={branches.reload} /> : null}
      {branches.status === 'success' && branches.data.length === 0 ? (
        <EmptyView text="暂无院区及分部信息" />
      ) : null}
      {branches.status === 'success'
        ? KIND_ORDER.map(({ kind, title }) => {
            const group = branches.data.filter((branch) => branch.kind === kind);
            if (group.length === 0) return null;
            return (
              <Section key={kind} title={title} testId={`branches-${kind}`}>
                {group.map((branch) => (
                  <View key={branch.id} className="branch" data-testid={`branch-${branch.id}`}>
                    <Text className="branch__name">{branch.name}</Text>
                    <Text className="branch__address">地址：{branch.address}</Text>
                    <PhoneList phones={branch.phones} testIdPrefix={`branch-${branch.id}-phone`} />
                  </View>
                ))}
              </Section>
            );
          })
        : null}
    </Page>
  );
}

export default BranchesPage;
