import { Text, View } from '@tarojs/components';
import { ID_DOCUMENT_LABELS } from '@jiuyi/shared';
import type { IdentityAuditAction, IdentityClaimResult } from '@jiuyi/shared';
import { REAL_NAME_TAGS } from '../../../utils/patient-labels';

const ACTION_LABELS: Record<IdentityAuditAction, string> = {
  taken_over: '证件本人实名登记，原登记失效',
  released_at_desk: '服务台解除登记',
  verified_at_desk: '服务台现场核验',
  verified_by_service: '实名核验服务核验通过',
  mismatch_on_recheck: '重新核验姓名不符，登记失效',
};

/** Who holds the identity now and what happened to it before, newest first. */
export function ClaimPanel({ result }: { result: IdentityClaimResult }) {
  const { claim, history } = result;
  return (
    <View data-testid="identity-claim">
      {claim ? (
        <View className="patient-card" data-testid="identity-claim-holder">
          <View className="patient-card__head">
            <Text className="patient-card__name" data-testid="identity-claim-name">
              {claim.patientName}
            </Text>
            <Text className={`status-tag status-tag--${REAL_NAME_TAGS[claim.realNameStatus].tone}`}>
              {REAL_NAME_TAGS[claim.realNameStatus].label}
            </Text>
          </View>
          <View className="info">
            <Text className="info__label">{ID_DOCUMENT_LABELS[claim.idType]}</Text>
            <Text className="patient-card__value">{claim.idNumberMasked}</Text>
          </View>
          <View className="info">
            <Text className="info__label">登记时间</Text>
            <Text className="patient-card__value">{claim.claimedAt.slice(0, 16).replace('T', ' ')}</Text>
          </View>
        </View>
      ) : (
        <View className="banner banner--info" data-testid="identity-claim-free">
          <Text>该证件目前没有就诊人登记，证件本人可以自行添加。</Text>
        </View>
      )}
      {history.length > 0 ? (
        <View data-testid="identity-claim-history">
          {history.map((entry) => (
            <View className="info" key={`${entry.at}-${entry.action}`}>
              <Text className="info__label">{entry.at.slice(0, 16).replace('T', ' ')}</Text>
              <Text className="patient-card__value">
                {ACTION_LABELS[entry.action]}
                {entry.reason ? `：${entry.reason}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
