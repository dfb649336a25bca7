import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { IdentityClaimResult } from '@jiuyi/shared';
import {
  lookUpIdentityClaim,
  releaseIdentityClaim,
  verifyIdentityClaim,
} from '../../../api/identity-claims-api';
import { IdDocumentFields } from '../../../components/id-document-fields';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { Page } from '../../../components/page';
import { ReasonField } from '../../../components/reason-field';
import { Section } from '../../../components/section';
import { errorText } from '../../../utils/error-text';
import { ClaimPanel } from './claim-panel';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };

/**
 * 门诊部 desk: the person in front of the desk shows their card; staff look up who registered it, then
 * either release a claim that is not theirs or confirm it against the card (passports and permits can
 * only be verified here). Every action is audited with the staff account and the reason.
 */
function IdentityClaimsPage() {
  const [document, setDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ idNumber?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string>();
  const [result, setResult] = useState<IdentityClaimResult>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<IdentityClaimResult>) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setResult(await work());
    } catch (caught) {
      setFailure(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const search = () => {
    const idNumber = document.idNumber.trim() ? undefined : '请填写证件号码';
    setErrors({ idNumber });
    setResult(undefined);
    if (!idNumber)
      void run(() => lookUpIdentityClaim({ document: { ...document, idNumber: document.idNumber.trim() } }));
  };

  const act = async (action: 'release' | 'verify') => {
    const claim = result?.claim;
    if (!claim) return;
    if (reason.trim().length < 2) {
      setErrors({ reason: '请填写原因（至少 2 个字）' });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: action === 'release' ? '解除登记' : '现场核验',
      content:
        action === 'release'
          ? `解除后，“${claim.patientName}”将不能再用此证件挂号，并收到通知。确定解除？`
          : `请确认证件原件上的姓名与“${claim.patientName}”一致。确定核验通过？`,
      confirmText: '确定',
      cancelText: '再看看',
    });
    if (!confirm) return;
    const body = {
      document: { ...document, idNumber: document.idNumber.trim() },
      patientId: claim.patientId,
      reason: reason.trim(),
    };
    await run(() => (action === 'release' ? releaseIdentityClaim(body) : verifyIdentityClaim(body)));
    setReason('');
  };

  const claim = result?.claim;
  return (
    <Page testId="page-staff-identity-claims">
      <Section title="查询证件登记">
        <Text className="section__lead">请核对来人出示的证件原件，再输入证件号码查询是谁登记了该证件。</Text>
        <IdDocumentFields
          step={1}
          value={document}
          error={errors.idNumber}
          onChange={(value) => {
            setDocument(value);
            setResult(undefined);
            setErrors({});
          }}
        />
        <Button
          className="btn btn--primary btn--block"
          data-testid="identity-claim-search"
          {...(busy ? { disabled: true } : {})}
          onClick={search}
        >
          {busy && !result ? '正在查询…' : '查询'}
        </Button>
        {failure ? (
          <View className="banner banner--error" data-testid="identity-claim-error" role="alert">
            <Text>{failure}</Text>
          </View>
        ) : null}
      </Section>
      {result ? (
        <Section title="登记情况">
          <ClaimPanel result={result} />
          {claim ? (
            <>
              <ReasonField
                step={3}
                label="原因"
                hint="写明看到了什么证件、为什么解除或核验；会记入审计记录"
                error={errors.reason}
                errorTestId="error-reason"
                testId="identity-claim-reason"
                value={reason}
                placeholder="例如：本人持身份证原件到窗口，登记人姓名不符"
                maxlength={200}
                onChange={(value) => {
                  setReason(value);
                  setErrors({});
                }}
              />
              {claim.realNameStatus !== 'verified' ? (
                <Button
                  className="btn btn--secondary btn--block"
                  data-testid="identity-claim-verify"
                  {...(busy ? { disabled: true } : {})}
                  onClick={() => void act('verify')}
                >
                  证件原件与登记一致，核验通过
                </Button>
              ) : null}
              <Button
                className="btn btn--danger btn--block"
                data-testid="identity-claim-release"
                {...(busy ? { disabled: true } : {})}
                onClick={() => void act('release')}
              >
                不是证件本人登记，解除登记
              </Button>
            </>
          ) : null}
        </Section>
      ) : null}
    </Page>
  );
}

export default IdentityClaimsPage;
