import { Text, View } from '@tarojs/components';
import type { GuideService } from '@jiuyi/shared';
import { Section } from '../../components/section';

const CHANNEL_LABELS: Record<GuideService['channels'][number], string> = {
  window: '窗口办',
  online: '网上办',
  phone: '电话办',
  self_service: '自助机办',
};

/** 办理步骤 as 第1步, 第2步 …, each on its own numbered row. */
export function StepsSection({ steps }: { steps: string[] }) {
  if (steps.length === 0) return null;
  return (
    <Section title="办理步骤" testId="detail-steps">
      {steps.map((step, index) => (
        <View key={index} className="step">
          <Text className="step__badge">第{index + 1}步</Text>
          <Text className="step__text">{step}</Text>
        </View>
      ))}
    </Section>
  );
}

/** 需提供材料, each with who supplies it (资料来源). */
export function DocumentsSection({ documents }: { documents: GuideService['requiredDocuments'] }) {
  return (
    <Section title="需提供材料" testId="detail-documents">
      {documents.length === 0 ? <Text className="muted">无需提供材料</Text> : null}
      {documents.map((doc, index) => (
        <View key={`${doc.name}-${index}`} className="doc">
          <Text className="doc__name">
            {index + 1}. {doc.name}
          </Text>
          <Text className="doc__source">资料来源：{doc.suppliedBy}</Text>
          {doc.note ? <Text className="doc__note">{doc.note}</Text> : null}
        </View>
      ))}
    </Section>
  );
}

/** 办理方式 as tags, then 地点 and 办理时间 as plain lines. */
export function WaysSection({ service }: { service: GuideService }) {
  return (
    <Section title="办理方式" testId="detail-channels">
      <View className="tags">
        {service.channels.map((channel) => (
          <Text key={channel} className="tag" data-testid={`channel-${channel}`}>
            {CHANNEL_LABELS[channel]}
          </Text>
        ))}
      </View>
      {service.locations.length > 0 ? (
        <View className="info" data-testid="detail-locations">
          <Text className="info__label">地点</Text>
          {service.locations.map((location, index) => (
            <Text key={index} className="info__line">
              {location}
            </Text>
          ))}
        </View>
      ) : null}
      {service.hours.length > 0 ? (
        <View className="info" data-testid="detail-hours">
          <Text className="info__label">办理时间</Text>
          {service.hours.map((hour, index) => (
            <Text key={index} className="info__line">
              {hour}
            </Text>
          ))}
        </View>
      ) : null}
    </Section>
  );
}

/** 温馨提示, set apart so it is read. */
export function NotesSection({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <Section title="温馨提示" testId="detail-notes">
      {notes.map((note, index) => (
        <Text key={index} className="note">
          {note}
        </Text>
      ))}
    </Section>
  );
}
