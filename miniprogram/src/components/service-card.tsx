import { Text, View } from '@tarojs/components';
import type { GuideService } from '@jiuyi/shared';
import { ServiceIcon } from './service-icon';

/** One search result: name and summary in a full-width row that opens the service. */
export function ServiceCard({ service, onOpen }: { service: GuideService; onOpen: (id: string) => void }) {
  return (
    <View
      className="service-card"
      data-testid={`service-${service.id}`}
      hoverClass="service-card--pressed"
      onClick={() => onOpen(service.id)}
    >
      <ServiceIcon service={service} />
      <View className="service-card__body">
        <Text className="service-card__name">{service.name}</Text>
        <Text className="service-card__summary">{service.summary}</Text>
      </View>
      <Text className="chevron">›</Text>
    </View>
  );
}
