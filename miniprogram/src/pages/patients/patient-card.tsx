import { Button, Text, View } from '@tarojs/components';
import { ID_DOCUMENT_LABELS } from '@jiuyi/shared';
import type { Patient } from '@jiuyi/shared';
import { REAL_NAME_TAGS, RELATION_LABELS } from '../../utils/patient-labels';

interface PatientCardProps {
  patient: Patient;
  onEdit: (patient: Patient) => void;
  onDelete: (patient: Patient) => void;
}

/**
 * One 就诊人: who they are to the user, where real-name verification stands, the document and phone
 * masked (only the last characters: nothing that rebuilds the number), and two
 * plain-word actions.
 */
export function PatientCard({ patient, onEdit, onDelete }: PatientCardProps) {
  const realName = REAL_NAME_TAGS[patient.realNameStatus];
  return (
    <View className="patient-card" data-testid={`patient-card-${patient.id}`}>
      <View className="patient-card__head">
        <Text className="patient-card__name" data-testid="patient-name">
          {patient.name}
        </Text>
        <Text className="tag patient-card__relation">{RELATION_LABELS[patient.relation]}</Text>
        <Text className={`status-tag status-tag--${realName.tone}`} data-testid="patient-real-name">
          {realName.label}
        </Text>
      </View>
      {realName.hint ? (
        <Text className="patient-card__hint" data-testid="patient-real-name-hint">
          {realName.hint}
        </Text>
      ) : null}
      <View className="info">
        <Text className="info__label">{ID_DOCUMENT_LABELS[patient.idType]}</Text>
        <Text className="patient-card__value" data-testid="patient-id-number">
          {patient.idNumberMasked}
        </Text>
      </View>
      <View className="info">
        <Text className="info__label">手机号</Text>
        <Text className="patient-card__value" data-testid="patient-phone">
          {patient.phoneMasked}
        </Text>
      </View>
      <View className="patient-card__actions">
        <Button
          className="btn btn--secondary"
          data-testid={`patient-edit-${patient.id}`}
          onClick={() => onEdit(patient)}
        >
          修改
        </Button>
        <Button
          className="btn btn--danger"
          data-testid={`patient-delete-${patient.id}`}
          onClick={() => onDelete(patient)}
        >
          删除
        </Button>
      </View>
    </View>
  );
}
