import { Text, View } from '@tarojs/components';
import type { GuideRuleList } from '@jiuyi/shared';
import { Section } from '../../components/section';

type Rule = GuideRuleList['prohibited'][number];

function RuleItems({ rules, tone }: { rules: Rule[]; tone: 'warn' | 'ok' }) {
  return (
    <View className="rule-list">
      {rules.map((rule, index) => (
        <View key={`${rule.title}-${index}`} className={`rule rule--${tone}`}>
          <Text className="rule__title">
            {index + 1}. {rule.title}
          </Text>
          <Text className="rule__detail">{rule.detail}</Text>
        </View>
      ))}
    </View>
  );
}

/** The hospital's 禁止办理 and 容缺受理 lists, shown beneath the guide. */
export function RuleLists({ rules }: { rules: GuideRuleList }) {
  return (
    <>
      {rules.prohibited.length > 0 ? (
        <Section title="禁止办理" testId="rules-prohibited">
          <RuleItems rules={rules.prohibited} tone="warn" />
        </Section>
      ) : null}
      {rules.toleratedMissing.length > 0 ? (
        <Section title="容缺受理" testId="rules-tolerated">
          <Text className="section__lead">以下材料暂时缺少时，可先受理、后补交：</Text>
          <RuleItems rules={rules.toleratedMissing} tone="ok" />
        </Section>
      ) : null}
    </>
  );
}
