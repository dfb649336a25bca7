import { Page } from '../../components/page';
import { ErrorView, LoadingView } from '../../components/state-views';
import type { AsyncState } from '../../hooks/use-async';

type Pending = Exclude<AsyncState<unknown>, { status: 'success' }> & { reload: () => void };

/** The whole page while what it needs is still loading or failed to load (with 重试). */
export function PendingPage({ testId, state }: { testId: string; state: Pending }) {
  return (
    <Page testId={testId}>
      {state.status === 'loading' ? (
        <LoadingView />
      ) : (
        <ErrorView error={state.error} onRetry={state.reload} />
      )}
    </Page>
  );
}
