import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Account, Role, UpdateStaffAccountBody } from '@jiuyi/shared';
import { listStaffAccounts, updateStaffAccount } from '../../../api/admin-accounts-api';
import { ChoiceGroup } from '../../../components/choice-group';
import { EntryRow } from '../../../components/entry-row';
import { FormField } from '../../../components/form-field';
import { LargeTextToggle } from '../../../components/large-text-toggle';
import { Page } from '../../../components/page';
import { ReasonField } from '../../../components/reason-field';
import { Section } from '../../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import { errorText } from '../../../utils/error-text';
import { accountName, accountSummary, ROLE_LINKS, STAFF_ROLE_LABELS } from './account-labels';

type Action = 'disable' | 'enable' | 'role';
type StaffRole = Exclude<Role, 'patient'>;

const ROLE_OPTIONS = (Object.keys(STAFF_ROLE_LABELS) as StaffRole[]).map((value) => ({
  value,
  label: STAFF_ROLE_LABELS[value],
}));

function bodyOf(action: Action, role: StaffRole | '', link: string, reason: string): UpdateStaffAccountBody {
  if (action === 'disable') return { status: 'disabled', reason };
  if (action === 'enable') return { status: 'active', reason };
  const needs = role ? ROLE_LINKS[role] : undefined;
  return { role: role || undefined, ...(needs && link ? { [needs.field]: link } : {}), reason };
}

function AccountEditor({ account, onSaved }: { account: Account; onSaved: (next: Account) => void }) {
  const disabled = account.status === 'disabled';
  const [action, setAction] = useState<Action | ''>('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [link, setLink] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const needs = action === 'role' && role ? ROLE_LINKS[role] : undefined;

  const save = async () => {
    if (busy || !action) return;
    if (action === 'role' && !role) return setError('请选择新的角色');
    if (reason.trim().length < 2) return setError('请填写原因（至少 2 个字），将记入操作记录');
    setError('');
    setBusy(true);
    try {
      const answer = await updateStaffAccount(account.id, bodyOf(action, role, link.trim(), reason.trim()));
      onSaved(answer.account);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={`修改：${accountName(account)}`} testId="account-editor">
      <Text className="section__lead">修改在 1 分钟内对该账号的所有请求生效，并记入操作记录。</Text>
      <FormField step={1} label="操作" errorTestId="account-action-error">
        <ChoiceGroup<Action>
          options={[
            disabled ? { value: 'enable', label: '启用账号' } : { value: 'disable', label: '停用账号' },
            { value: 'role', label: '更改角色' },
          ]}
          value={action}
          testIdPrefix="account-action"
          onChange={setAction}
        />
      </FormField>
      {action === 'role' ? (
        <FormField step={2} label="新的角色" errorTestId="account-role-error">
          <ChoiceGroup<StaffRole>
            options={ROLE_OPTIONS.filter((o) => o.value !== account.role)}
            value={role}
            testIdPrefix="account-role"
            onChange={setRole}
          />
        </FormField>
      ) : null}
      {needs ? (
        <FormField step={3} label={needs.label} errorTestId="account-link-error">
          <Input
            className="field__input"
            data-testid="account-link"
            value={link}
            placeholder={needs.placeholder}
            maxlength={64}
            onInput={(event) => setLink(event.detail.value)}
          />
        </FormField>
      ) : null}
      <ReasonField
        step={action === 'role' ? (needs ? 4 : 3) : 2}
        label="原因"
        hint="如：离职、调岗到病案室"
        errorTestId="account-reason-error"
        testId="account-reason"
        value={reason}
        placeholder="请填写原因"
        maxlength={200}
        onChange={setReason}
      />
      {error ? (
        <View className="banner banner--error" data-testid="account-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className="actions">
        <Button
          className="btn btn--primary"
          data-testid="account-save"
          {...(busy || !action ? { disabled: true } : {})}
          onClick={() => void save()}
        >
          {busy ? '正在保存…' : '确认修改'}
        </Button>
      </View>
    </Section>
  );
}

/** 管理员: staff accounts, each can be disabled, enabled or given another role (audited). */
function AdminAccountsPage() {
  const accounts = useAsync(() => listStaffAccounts(), []);
  const [selected, setSelected] = useState<string>('');
  const [saved, setSaved] = useState<Account>();
  const chosen = accounts.status === 'success' ? accounts.data.find((a) => a.id === selected) : undefined;

  return (
    <Page testId="page-admin-accounts">
      <Section title="工作人员账号">
        {accounts.status === 'loading' ? <LoadingView /> : null}
        {accounts.status === 'error' ? <ErrorView error={accounts.error} onRetry={accounts.reload} /> : null}
        {accounts.status === 'success' && accounts.data.length === 0 ? (
          <EmptyView text="还没有工作人员账号" hint="在工作台用邀请码添加" />
        ) : null}
        {accounts.status === 'success'
          ? accounts.data.map((account) => (
              <EntryRow
                key={account.id}
                title={accountName(account)}
                hint={accountSummary(account)}
                testId={`account-${account.id}`}
                onOpen={() => {
                  setSelected(account.id);
                  setSaved(undefined);
                }}
              />
            ))
          : null}
      </Section>
      {saved ? (
        <View className="banner banner--success" data-testid="account-saved" role="status">
          <Text>
            已保存：{accountName(saved)}，{accountSummary(saved)}
          </Text>
        </View>
      ) : null}
      {chosen ? (
        <AccountEditor
          key={chosen.id}
          account={chosen}
          onSaved={(next) => {
            setSaved(next);
            setSelected('');
            accounts.reload();
          }}
        />
      ) : null}
      <Section>
        <LargeTextToggle />
      </Section>
    </Page>
  );
}

export default AdminAccountsPage;
