import type { SessionView } from '@jiuyi/shared';
import { FormField } from '../../../components/form-field';
import { OptionList } from '../../../components/option-list';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';

interface Option {
  value: string;
  label: string;
}

interface SessionSlotPickerProps {
  step: number;
  /** Prefix of the test ids, e.g. `clinic` gives `clinic-session-…` and `error-clinic-slot`. */
  testIdPrefix: string;
  load: () => Promise<SessionView[]>;
  /** When these change the sessions are loaded again. */
  loadKey: readonly unknown[];
  emptyText: string;
  sessionLabel: (session: SessionView) => string;
  slotOptions: (session: SessionView) => Option[];
  /** Two slots per row where the labels are short. */
  gridSlots?: boolean;
  selection: {
    sessionId: string;
    slotId: string;
    onSession: (id: string) => void;
    onSlot: (id: string) => void;
  };
}

/** The doctor's two booking steps: a session (including ones not yet released), then one of its slots. */
export function SessionSlotPicker({
  step,
  testIdPrefix,
  load,
  loadKey,
  emptyText,
  sessionLabel,
  slotOptions,
  gridSlots = false,
  selection: { sessionId, slotId, onSession, onSlot },
}: SessionSlotPickerProps) {
  const sessions = useAsync(load, loadKey);
  if (sessions.status === 'loading') return <LoadingView />;
  if (sessions.status === 'error') return <ErrorView error={sessions.error} onRetry={sessions.reload} />;
  if (sessions.data.length === 0) return <EmptyView text={emptyText} />;
  const session = sessions.data.find((s) => s.id === sessionId);
  return (
    <>
      <FormField step={step} label="出诊（含未放号）" errorTestId={`error-${testIdPrefix}-session`}>
        <OptionList
          options={sessions.data.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          value={sessionId}
          testIdPrefix={`${testIdPrefix}-session`}
          onChange={onSession}
        />
      </FormField>
      {session ? (
        <FormField step={step + 1} label="时段" errorTestId={`error-${testIdPrefix}-slot`}>
          <OptionList
            grid={gridSlots}
            options={slotOptions(session)}
            value={slotId}
            testIdPrefix={`${testIdPrefix}-slot`}
            onChange={onSlot}
          />
        </FormField>
      ) : null}
    </>
  );
}
