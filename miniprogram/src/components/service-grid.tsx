import { Text, View } from '@tarojs/components';
import type { GuideService } from '@jiuyi/shared';
import { ServiceIcon } from './service-icon';

/** The home page's grid of services: big square tiles, two to a row. */
export function ServiceGrid({
  services,
  onOpen,
}: {
  services: GuideService[];
  onOpen: (id: string) => void;
}) {
  return (
    <View className="service-grid">
      {services.map((service) => (
        <View
          key={service.id}
          className="service-tile"
          data-testid={`service-${service.id}`}
          hoverClass="service-tile--pressed"
          onClick={() => onOpen(service.id)}
        >
          <ServiceIcon service={service} />
          <Text className="service-tile__name">{service.name}</Text>
        </View>
      ))}
    </View>
  );
}
